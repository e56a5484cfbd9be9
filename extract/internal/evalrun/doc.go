// Command evalrun runs the extractor over one file or a whole directory of
// articles and writes one contract JSON per article, for scripts/eval (a
// directory in one process is much faster than one CLI call per file).
//
//	evalrun [-published DATE] [-summary] FILE
//	evalrun [-published DATE] -in DIR -out DIR   # every *.txt / *.json / *.html in DIR
package main
