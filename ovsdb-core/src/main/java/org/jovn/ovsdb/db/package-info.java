/**
 * The in-memory database: committed rows and their indexes ({@link org.jovn.ovsdb.db.Database}),
 * and the change sets that transactions produce and replay applies.
 */
package org.jovn.ovsdb.db;
