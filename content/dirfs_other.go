//go:build !unix

package content

func (d dirFS) readRegular(string, func(int) []byte) ([]byte, string, bool) { return nil, "", false }
