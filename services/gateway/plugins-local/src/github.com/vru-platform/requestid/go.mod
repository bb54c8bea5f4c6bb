module github.com/vru-platform/requestid

go 1.22
