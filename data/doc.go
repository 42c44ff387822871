// Package data holds GongPing's domain types and the pure rules every other package shares: policies,
// consultations, rounds, survey questions and answers, opinions, clusters, decisions, revisions and
// publications; which open answers say nothing (IsFiller); dates as users type them; the input error a
// user can fix. It does no I/O beyond the one atomic file write, and imports nothing of the project:
// data/store keeps these in the workspace, the packages below data/ apply the method's rules to them.
package data
