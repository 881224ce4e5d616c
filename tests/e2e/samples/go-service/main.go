// go-service prints a small JSON status document and exits (a stand-in for a
// service's health check; standard library only).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
)

type status struct {
	Service string   `json:"service"`
	OK      bool     `json:"ok"`
	Routes  []string `json:"routes"`
	Digest  string   `json:"digest"`
}

func main() {
	routes := []string{"/status", "/health", "/metrics"}
	slices.Sort(routes)
	sum := sha256.Sum256([]byte("go-service"))
	s := status{Service: "go-service", OK: true, Routes: routes, Digest: hex.EncodeToString(sum[:4])}
	out, err := json.Marshal(s)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(out))
	fmt.Fprintln(os.Stderr, "built with", runtime.Version())
}
