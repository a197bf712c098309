//go:build !linux

package hugosite

import "errors"

// exchange is not available here: Publish falls back to two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
