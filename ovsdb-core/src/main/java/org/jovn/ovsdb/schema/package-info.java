/** Database schemas: tables, columns, types and constraints, read from {@code .ovsschema} JSON. */
package org.jovn.ovsdb.schema;
