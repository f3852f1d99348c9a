/**
 * Generates one immutable Java record per table of an OVSDB schema, for use with the client
 * library's replica ({@code org.jovn.ovsdb.client}). Run at build time by module
 * {@code ovn-bindings}; see {@link org.jovn.ovsdb.codegen.BindingGenerator#main}.
 */
package org.jovn.ovsdb.codegen;
