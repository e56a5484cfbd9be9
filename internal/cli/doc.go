// Package cli holds geokg's cobra commands and its configuration: the only
// place that reads flags, environment and the config file (through viper),
// once, into a typed and validated Config that the libraries receive.
package cli
