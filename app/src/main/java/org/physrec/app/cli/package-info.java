/** The picocli command line: {@code Main} and one class per command. */
package org.physrec.app.cli;
