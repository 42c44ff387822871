// Command jsonclose compares two JSON files, numbers within a relative tolerance (default 1e-9): the arm64
// build's scores differ from amd64's in the last digits (fused multiply-add), everything else must be equal.
// Usage: go run ./scripts/jsonclose A.json B.json
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: jsonclose A.json B.json")
		os.Exit(2)
	}
	var a, b any
	for i, p := range os.Args[1:] {
		data, err := os.ReadFile(p)
		if err == nil {
			err = json.Unmarshal(data, []*any{&a, &b}[i])
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "jsonclose:", err)
			os.Exit(2)
		}
	}
	if diffs := compare(a, b, "$"); len(diffs) > 0 {
		for _, d := range diffs {
			fmt.Println(d)
		}
		os.Exit(1)
	}
	fmt.Println("same within 1e-9:", os.Args[1], os.Args[2])
}

func compare(a, b any, path string) []string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return []string{path + ": differ"}
		}
		var out []string
		for k, v := range x {
			out = append(out, compare(v, y[k], path+"."+k)...)
		}
		return out
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return []string{path + ": differ"}
		}
		var out []string
		for i := range x {
			out = append(out, compare(x[i], y[i], fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	case float64:
		y, ok := b.(float64)
		if !ok || math.Abs(x-y) > 1e-9*math.Max(1, math.Abs(x)) {
			return []string{fmt.Sprintf("%s: %v vs %v", path, a, b)}
		}
		return nil
	}
	if !reflect.DeepEqual(a, b) {
		return []string{fmt.Sprintf("%s: %v vs %v", path, a, b)}
	}
	return nil
}
