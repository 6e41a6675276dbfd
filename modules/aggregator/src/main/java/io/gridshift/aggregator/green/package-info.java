/** Green-power accounting served live: contracts, hourly meter data and grid carbon per site. */
package io.gridshift.aggregator.green;
