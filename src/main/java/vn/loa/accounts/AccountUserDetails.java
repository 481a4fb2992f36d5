package vn.loa.accounts;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The desk's form login reads accounts from here; each role is {@code ROLE_<NAME>}. */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetails(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Accounts.Credentials credentials = this.accounts.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		Account account = credentials.account();
		return new DeskUser(account.username(), credentials.passwordHash(), account.enabled(),
				account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(),
				account.passwordChangedAt());
	}

}
