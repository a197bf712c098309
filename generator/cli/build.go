package cli

import (
	"context"
	"errors"
	"io"
)

type buildOptions struct {
	Root    string
	Out     string
	BaseURL string
	Log     io.Writer
}

type buildStats struct{}

func build(ctx context.Context, o buildOptions) (buildStats, error) {
	return buildStats{}, errors.New("build: belum tersedia")
}

func serve(ctx context.Context, o buildOptions, addr string) error {
	return errors.New("serve: belum tersedia")
}
