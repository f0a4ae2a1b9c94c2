// gofeed-probe prints what gofeed makes of the feed on standard input, as JSON: the same
// gofeed.Feed a Go program gets from gofeed.NewParser().Parse (tests/node/reader-thumbnails.test.ts).
package main

import (
	"encoding/json"
	"os"

	"github.com/mmcdole/gofeed"
)

func main() {
	feed, err := gofeed.NewParser().Parse(os.Stdin)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(feed); err != nil {
		panic(err)
	}
}
