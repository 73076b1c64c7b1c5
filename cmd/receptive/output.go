package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/receptive-go/receptive/plotting"
)

// outDir creates dir (and parents) for an experiment's results.
func outDir(dir string) error {
	if dir == "" {
		return fmt.Errorf("-out DIR is required")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating output directory: %w", err)
	}
	return nil
}

// writeJSON writes v as indented JSON to dir/name, atomically.
func writeJSON(dir, name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return plotting.WriteFileAtomic(filepath.Join(dir, name), append(b, '\n'))
}

// savePNG renders fig to dir/name and prints the path.
func savePNG(fig *plotting.Figure, dir, name string) error {
	path := filepath.Join(dir, name)
	if err := fig.SavePNG(path); err != nil {
		return err
	}
	fmt.Println(path)
	return nil
}
