module github.com/vru-platform/clientkey

go 1.22
