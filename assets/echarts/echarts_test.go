package echarts

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The vendored file must be byte-for-byte the one in the npm package echarts@5.6.0 (dist/echarts.min.js).
// If this fails, the file was edited: run `go generate ./assets/echarts` instead.
const minJSSHA256 = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"

func TestVendoredUnmodified(t *testing.T) {
	sum := sha256.Sum256([]byte(MinJS))
	if got := hex.EncodeToString(sum[:]); got != minJSSHA256 {
		t.Errorf("echarts.min.js sha256 = %s, want %s (npm echarts@%s)", got, minJSSHA256, Version)
	}
	if !strings.Contains(MinJS, `version="`+Version+`"`) {
		t.Errorf("echarts.min.js does not declare version %s", Version)
	}
	if !strings.Contains(License, "Apache License") || !strings.Contains(Notice, "Apache ECharts") {
		t.Error("LICENSE or NOTICE missing")
	}
	// Inlined into a <script> element, so it must not be able to close it.
	if strings.Contains(strings.ToLower(MinJS), "</script") || strings.Contains(MinJS, "<!--") {
		t.Error("echarts.min.js cannot be inlined in a script element as it is")
	}
}
