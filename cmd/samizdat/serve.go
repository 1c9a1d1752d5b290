package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"samizdat/book/load"
	"samizdat/internal/preview"
)

func (a *app) serveCommand() *cobra.Command {
	var port int
	var opt load.Options
	cmd := &cobra.Command{
		Use:   "serve PATH",
		Short: "Preview the book in a browser, the e-book text beside the print pages, rebuilt on every save",
		Long: `Serve a live preview of the book at PATH on localhost: the book as HTML on
the left and the print pages on the right, drawn as SVG from the same
layout as the PDF, so line and page breaks are exactly the PDF's. Saving a
source file rebuilds the book and reloads the page; a build error shows
over the last good preview with its FILE:LINE:COL and the offending line.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
			if err != nil {
				return a.fail(fmt.Errorf("serve: %w", err))
			}
			srv := preview.New(args[0], opt, a.getenv)
			srv.Log = func(format string, args ...any) {
				fmt.Fprintf(a.stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
			}
			stop := make(chan struct{})
			go func() {
				if err := srv.Watch(stop); err != nil {
					fmt.Fprintf(a.stderr, "samizdat: watching %s: %v\n", args[0], err)
				}
			}()
			interrupt := make(chan os.Signal, 1)
			signal.Notify(interrupt, os.Interrupt)
			httpServer := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
			go func() {
				<-interrupt
				close(stop)
				httpServer.Close()
			}()
			fmt.Fprintf(a.stdout, "previewing %s at http://%s/ (Ctrl-C stops)\n", args[0], ln.Addr())
			if err := httpServer.Serve(ln); err != nil && err != http.ErrServerClosed {
				return a.fail(err)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&port, "port", 8080, "port on localhost to serve on (0 picks a free one)")
	cmd.Flags().BoolVar(&opt.AllowOutside, "allow-outside", false, "let the book read files outside its folder")
	return cmd
}
