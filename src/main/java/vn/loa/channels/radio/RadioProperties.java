package vn.loa.channels.radio;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The radio stations Loa queues scripts for; with none configured, the one default
 * station.
 *
 * @param stations the stations
 */
@ConfigurationProperties("loa.radio")
record RadioProperties(List<RadioStation> stations) {

	RadioProperties {
		stations = (stations == null || stations.isEmpty()) ? List.of(RadioStation.DEFAULT) : List.copyOf(stations);
		Set<String> ids = new HashSet<>();
		for (RadioStation station : stations) {
			if (!ids.add(station.id())) {
				throw new IllegalArgumentException("radio station '" + station.id() + "' is configured twice");
			}
		}
	}

	List<RadioStation> stationsOf(String organisation) {
		return this.stations.stream().filter((station) -> station.organisation().equals(organisation)).toList();
	}

	Optional<RadioStation> station(String id) {
		return this.stations.stream().filter((station) -> station.id().equals(id)).findFirst();
	}

}
