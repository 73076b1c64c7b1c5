// Package figures assembles the figures of each notebook from a model's
// results, so that a notebook cell and the command-line tool draw exactly
// the same picture. It imports the models (pkg/...) and plotting, never
// gonbui.
package figures
