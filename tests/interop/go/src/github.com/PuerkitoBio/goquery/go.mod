module github.com/PuerkitoBio/goquery

require (
	github.com/andybalholm/cascadia v1.3.1
	golang.org/x/net v0.0.0-20210916014120-12bc252f5db8
)

go 1.13
