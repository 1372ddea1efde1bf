/** Reading and writing plans: text renderings now, YAML and JSON import and export to come. */
package dev.cairn.core.io;
