/** Values: atoms (plain Java objects), datums (sorted sets and maps) and rows. */
package org.jovn.ovsdb.data;
