package app

import (
	"context"
	"strconv"
	"strings"
)

// The policy last selected in each workspace is selected again when the window opens on it.

// prefLastPolicy holds "<workspace path>\t<policy id>" per workspace, the latest first.
const prefLastPolicy = "lastPolicy"

// rememberPolicy keeps id as the current workspace's selected policy (0: none).
func (u *UI) rememberPolicy(id int64) {
	if u.store == nil {
		return
	}
	p := u.App.Preferences()
	list := []string{u.store.Path + "\t" + strconv.FormatInt(id, 10)}
	for _, e := range p.StringList(prefLastPolicy) {
		if path, _, ok := strings.Cut(e, "\t"); ok && path != u.store.Path && len(list) < maxRecent {
			list = append(list, e)
		}
	}
	p.SetStringList(prefLastPolicy, list)
}

// rememberedPolicy is the policy last selected in the current workspace, 0 when none or deleted since.
func (u *UI) rememberedPolicy() int64 {
	if u.store == nil {
		return 0
	}
	for _, e := range u.App.Preferences().StringList(prefLastPolicy) {
		path, idText, _ := strings.Cut(e, "\t")
		if path != u.store.Path {
			continue
		}
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 {
			return 0
		}
		if _, err := u.store.Policy(context.Background(), id); err != nil {
			return 0
		}
		return id
	}
	return 0
}
