/** The clustered aggregator. */
package io.gridshift.aggregator;
