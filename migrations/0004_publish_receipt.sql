-- What the last complete publish was made of (src/archive/publish-receipt.ts): a hash of the
-- article files' names, sizes and modification times, the pictures', the code and the settings.
-- A publish whose inputs hash the same has nothing to do and stops there, without reading the
-- archive's content; one that will write clears the row first, so a run that stops half-way
-- never leaves a receipt for storage it did not finish.
CREATE TABLE publish_receipt (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  inputs TEXT NOT NULL
);
