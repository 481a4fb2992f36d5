package vn.loa.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A PostgreSQL session that stops in the middle of a batch, as a node frozen while its
 * JDBC driver sends one does: it speaks the wire protocol itself (the driver offers no
 * way to stop half-way), sends statements with the extended protocol and a Flush but
 * never the closing Sync, and then sends nothing more. The server has run the statements
 * and waits for the rest; it counts the session as active, not idle in a transaction.
 * Trust authentication, as embedded PostgreSQL starts.
 */
final class HalfSentBatch implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final DataOutputStream out;

	private final int pid;

	private HalfSentBatch(Socket socket, int pid) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = new DataOutputStream(socket.getOutputStream());
		this.pid = pid;
	}

	/**
	 * Connects as {@code postgres} to database {@code postgres}, named
	 * {@code application}.
	 */
	static HalfSentBatch open(int port, String application) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
		DataOutputStream out = new DataOutputStream(socket.getOutputStream());
		ByteArrayOutputStream startup = new ByteArrayOutputStream();
		DataOutputStream body = new DataOutputStream(startup);
		body.writeInt(196608);
		for (String text : new String[] { "user", "postgres", "database", "postgres", "application_name",
				application }) {
			writeString(body, text);
		}
		body.writeByte(0);
		out.writeInt(startup.size() + 4);
		out.write(startup.toByteArray());
		out.flush();
		DataInputStream in = new DataInputStream(socket.getInputStream());
		int pid = -1;
		while (true) {
			byte type = in.readByte();
			byte[] message = new byte[in.readInt() - 4];
			in.readFully(message);
			if (type == 'K') {
				pid = ((message[0] & 0xff) << 24) | ((message[1] & 0xff) << 16) | ((message[2] & 0xff) << 8)
						| (message[3] & 0xff);
			}
			else if (type == 'E') {
				socket.close();
				throw new IOException("PostgreSQL refused the session: " + printable(message));
			}
			else if (type == 'Z') {
				return new HalfSentBatch(socket, pid);
			}
		}
	}

	/** The server process serving this session ({@code pg_stat_activity.pid}). */
	int pid() {
		return this.pid;
	}

	/**
	 * Runs one statement of the batch (Parse, Bind, Execute, Flush; no Sync) and reads
	 * until the server says it is complete.
	 */
	void run(String sql) throws IOException {
		ByteArrayOutputStream parse = new ByteArrayOutputStream();
		DataOutputStream p = new DataOutputStream(parse);
		writeString(p, "");
		writeString(p, sql);
		p.writeShort(0);
		message('P', parse.toByteArray());
		message('B', new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 });
		message('E', new byte[] { 0, 0, 0, 0, 0 });
		message('H', new byte[0]);
		this.out.flush();
		while (true) {
			byte type = this.in.readByte();
			byte[] body = new byte[this.in.readInt() - 4];
			this.in.readFully(body);
			if (type == 'E') {
				throw new IOException("PostgreSQL refused " + sql + ": " + printable(body));
			}
			if (type == 'C') {
				return;
			}
		}
	}

	/**
	 * Whether the server has ended this session: the next read finds the connection
	 * closed, after at most an error saying why.
	 */
	boolean endedByServer() {
		try {
			this.socket.setSoTimeout(2000);
			while (true) {
				byte type = this.in.readByte();
				byte[] body = new byte[this.in.readInt() - 4];
				this.in.readFully(body);
				if (type == 'E' && printable(body).contains("57P01")) {
					return true;
				}
			}
		}
		catch (EOFException ex) {
			return true;
		}
		catch (IOException ex) {
			return !(ex instanceof java.net.SocketTimeoutException);
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void message(char type, byte[] body) throws IOException {
		this.out.writeByte(type);
		this.out.writeInt(body.length + 4);
		this.out.write(body);
	}

	private static void writeString(DataOutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.writeByte(0);
	}

	private static String printable(byte[] body) {
		return new String(body, StandardCharsets.UTF_8).replace('\0', ' ').strip();
	}

}
