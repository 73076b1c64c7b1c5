// Command receptive runs the experiments of the receptive notebooks without
// Jupyter: each subcommand writes its figures as PNG and its numbers as JSON.
//
//	receptive gaussneuron -out DIR
//
// Run `receptive help` for the list of experiments.
package main

import (
	"fmt"
	"os"
	"sort"
)

type command struct {
	summary string
	run     func(args []string) error
}

// commands holds the experiments; each file of this package registers its
// own in an init function.
var commands = map[string]command{}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: receptive EXPERIMENT [flags]   (receptive EXPERIMENT -h for its flags)")
	fmt.Fprintln(os.Stderr, "experiments:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-12s %s\n", n, commands[n].summary)
	}
}

func main() {
	if len(os.Args) < 2 || os.Args[1] == "help" || os.Args[1] == "-h" || os.Args[1] == "--help" {
		usage()
		if len(os.Args) < 2 {
			os.Exit(2)
		}
		return
	}
	c, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "receptive: unknown experiment %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	if err := c.run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "receptive %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
