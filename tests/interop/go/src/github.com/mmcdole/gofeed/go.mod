module github.com/mmcdole/gofeed

go 1.19

require (
	github.com/PuerkitoBio/goquery v1.8.0
	github.com/json-iterator/go v1.1.12
	github.com/mmcdole/goxpp v1.1.1-0.20240225020742-a0c311522b23
	github.com/stretchr/testify v1.8.1
	github.com/urfave/cli v1.22.3
	golang.org/x/net v0.4.0
	golang.org/x/text v0.5.0
)

require (
	github.com/andybalholm/cascadia v1.3.1 // indirect
	github.com/cpuguy83/go-md2man/v2 v2.0.0-20190314233015-f79a8a8ca69d // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/russross/blackfriday/v2 v2.0.1 // indirect
	github.com/shurcooL/sanitized_anchor_name v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
