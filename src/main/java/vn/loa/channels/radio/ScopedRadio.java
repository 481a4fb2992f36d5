package vn.loa.channels.radio;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * Stations and entries as a caller of one scope may reach them: the stations of its
 * organisation and those below; a station or entry elsewhere is not found.
 */
@Component
class ScopedRadio {

	private final RadioQueue queue;

	private final Organisations organisations;

	ScopedRadio(RadioQueue queue, Organisations organisations) {
		this.queue = queue;
		this.organisations = organisations;
	}

	/** The stations within {@code scope}. */
	List<RadioStation> stations(Scope scope) {
		return this.queue.stations()
			.stream()
			.filter((station) -> this.organisations.covers(scope, station.organisation()))
			.toList();
	}

	/** The station within {@code scope}, or a {@code 404}. */
	RadioStation station(Scope scope, String id) {
		return this.queue.station(id)
			.filter((station) -> this.organisations.covers(scope, station.organisation()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no radio station " + id));
	}

	/** The entry of a station within {@code scope}. */
	Optional<RadioEntry> entry(Scope scope, long id) {
		return this.queue.find(id)
			.filter((entry) -> this.queue.station(entry.stationId())
				.map((station) -> this.organisations.covers(scope, station.organisation()))
				.orElse(scope.everywhere()));
	}

}
