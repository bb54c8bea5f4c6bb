module github.com/vru-platform/requestguard

go 1.22
