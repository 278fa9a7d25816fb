package content

import (
	"reflect"
	"testing"
)

// Every field is found at its key, every item at its first character,
// columns counted in characters; a key given twice is reported at its
// second place, and its value's fields are not taken for the first's.
func TestJSONPlaces(t *testing.T) {
	data := []byte("{\"a\": 1,\n  \"é\\u00e9\": {\"b\": [10, {\"c\": \"x,}]\\\"\"}, [ ]]},\n\t\"a\": {\"z\": 2}, \"d\": null\n}")
	pos, dupes := jsonPlaces(data)
	want := positions{
		"$":           {1, 1},
		"$.a":         {1, 2},
		"$.éé":        {2, 3},
		"$.éé.b":      {2, 15},
		"$.éé.b[0]":   {2, 21},
		"$.éé.b[1]":   {2, 25},
		"$.éé.b[1].c": {2, 26},
		"$.éé.b[2]":   {2, 42},
		"$.d":         {3, 17},
		"\x00again.z": {3, 8},
	}
	if !reflect.DeepEqual(pos, want) {
		t.Errorf("places:\n got %v\nwant %v", pos, want)
	}
	if len(dupes) != 1 || dupes[0].Field != "$.a" || dupes[0].Line != 3 || dupes[0].Col != 2 ||
		dupes[0].Message != `"a" is given twice in this object (first on line 1); keep one` {
		t.Errorf("repeated keys: %+v", dupes)
	}
	// Not JSON (the validator checks first): the walk stops, no panic.
	for _, bad := range []string{"", "{", `{"a"`, `{"a":`, `["x`, `{"a" 1}`, `{1:2}`} {
		jsonPlaces([]byte(bad))
	}
}
