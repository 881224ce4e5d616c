// greeter prints a few lines that depend on its flags, its environment,
// the net package (which makes a cgo build link against libc) and the
// working directory, so that a changed image shows in its output.
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
)

func main() {
	n := flag.Int("n", 1, "how many greetings")
	flag.Parse()
	wd, _ := os.Getwd()
	ip := net.ParseIP("192.0.2.7")
	var parts []string
	for i := 1; i <= *n; i++ {
		parts = append(parts, fmt.Sprintf("%s-%d", os.Getenv("GREETING"), i))
	}
	fmt.Printf("greeter: %s; ip4=%v; wd=%s\n", strings.Join(parts, ","), ip.To4() != nil, wd)
}
