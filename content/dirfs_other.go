//go:build !unix

package content

func (d dirFS) readRegular(string) ([]byte, string, bool) { return nil, "", false }
