// Package lakip holds what the generator needs compiled in from the
// project folder: the interface strings of i18n/, so that `check` can
// phrase the audit's findings for any data folder (go run ./generator
// check -root DIR). The site build reads the same files from the project
// folder, as Hugo does.
package lakip

import "embed"

// I18n holds i18n/<lang>.toml.
//
//go:embed i18n/*.toml
var I18n embed.FS
