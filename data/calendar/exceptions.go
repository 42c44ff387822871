package calendar

import "time"

// DaysOff is how many weekdays of a range one holiday takes off. Name is the holiday's ("春节"), "" for a
// day off that no named holiday covers (an override file's 休).
type DaysOff struct {
	Name string
	Days int
}

// Exceptions are what makes a range's working days differ from Monday–Friday: the weekdays off, by
// holiday in the order met, and the weekend days that are make-up working days (调休上班), ascending.
type Exceptions struct {
	Off    []DaysOff
	Makeup []time.Time
}

// MaxExceptionsSpan bounds the range Exceptions looks at, in days: over about a year the list would name
// every holiday and tell a reader nothing about this range.
const MaxExceptionsSpan = 400

// Exceptions names the weekdays off and the make-up working days from from to to, both inclusive, on the
// calendar c. Nothing when to is before from or the range is longer than MaxExceptionsSpan days. The
// consultation editor shows it under the count, so the number can be checked by hand.
func (c *Calendar) Exceptions(from, to time.Time) Exceptions {
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	var ex Exceptions
	if to.Before(from) || to.Sub(from) > MaxExceptionsSpan*24*time.Hour {
		return ex
	}
	at := map[string]int{} // holiday name → its entry in ex.Off
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		switch work := c.IsWorkday(d); {
		case !work && !weekend:
			name, _ := HolidayName(d)
			i, ok := at[name]
			if !ok {
				i = len(ex.Off)
				at[name] = i
				ex.Off = append(ex.Off, DaysOff{Name: name})
			}
			ex.Off[i].Days++
		case work && weekend:
			ex.Makeup = append(ex.Makeup, d)
		}
	}
	return ex
}
