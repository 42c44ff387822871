package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestPolicyValidationAndFilter(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	bad := []data.Policy{
		{Title: " ", Dept: "d", Category: "其他"},
		{Title: "t", Dept: "", Category: "其他"},
		{Title: "t", Dept: "d", Category: "不存在"},
		{Title: "t", Dept: "d", Category: "其他", Issued: "2026-02-30"},
		{Title: "t", Dept: "d", Category: "其他", Stage: "done"},
	}
	for _, p := range bad {
		var ie *data.InputError
		if _, err := s.AddPolicy(ctx, p); !errors.As(err, &ie) {
			t.Errorf("AddPolicy(%+v) = %v, want data.InputError", p, err)
		}
	}
	for _, p := range []data.Policy{
		{Title: "优化营商环境措施", Dept: "市发展改革委", Category: "营商环境", Stage: data.StageConsultation},
		{Title: "垃圾分类管理办法", Dept: "市城市管理委", Category: "城市精细化管理"},
	} {
		if _, err := s.AddPolicy(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		f    data.PolicyFilter
		want int
	}{
		{data.PolicyFilter{}, 2},
		{data.PolicyFilter{Category: "营商环境"}, 1},
		{data.PolicyFilter{Dept: "市城市管理委"}, 1},
		{data.PolicyFilter{Stage: data.StageConsultation}, 1},
		{data.PolicyFilter{Search: "垃圾"}, 1},
		{data.PolicyFilter{Search: "不存在"}, 0},
	} {
		got, err := s.ListPolicies(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("ListPolicies(%+v) = %d (%v), want %d", tc.f, len(got), err, tc.want)
		}
	}
	if _, err := s.Policy(ctx, 99); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("data.Policy(99) = %v, want data.ErrNotFound", err)
	}
}
