// Command generator turns the TOML reports in data/ into the transparency
// site: `check` validates and audits the data, `build` writes public/,
// `serve` builds and serves it with rebuilds on change.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/sakip-terbuka/lakip/generator/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitCode(err))
	}
}
