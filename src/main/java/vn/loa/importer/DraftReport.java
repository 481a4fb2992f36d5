package vn.loa.importer;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.loa.importer.PlanDraft.Extracted;
import vn.loa.importer.PlanDraft.Warning;

/** Writes the review report of a draft: each value with its line, then the warnings. */
final class DraftReport {

	private static final Map<String, String> LABELS = new LinkedHashMap<>();

	static {
		LABELS.put("heading.under_header",
				"Dòng tiêu đề, ngay dưới số và ngày văn bản / Heading, under the header block");
		LABELS.put("heading.first", "Dòng tiêu đề, dòng đầu gọi tên loại văn bản / Heading, the first naming the kind");
		LABELS.put("heading.lead",
				"Không có dòng tiêu đề: đọc từ câu mở đầu bài tin / No heading: read from the news lead");
		LABELS.put("heading.none", "Không có dòng tiêu đề / No heading");
		LABELS.put("kind", "Loại văn bản / Kind");
		LABELS.put("number", "Số / Number");
		LABELS.put("code", "Ký hiệu / Code");
		LABELS.put("issuer.header", "Tiêu đề cơ quan / Header");
		LABELS.put("issuer", "Cơ quan ban hành / Issuer");
		LABELS.put("place", "Địa danh / Place");
		LABELS.put("date", "Ngày ban hành / Date");
		LABELS.put("title", "Trích yếu / Title");
		LABELS.put("implements", "Thực hiện / Implements");
		LABELS.put("phase", "Giai đoạn / Phase");
		LABELS.put("anniversary", "Ngày kỷ niệm / Anniversary");
		LABELS.put("event", "Sự kiện / Event");
		LABELS.put("outlet", "Kênh của Loa / Outlet");
		LABELS.put("note", "Hình thức khác / Other form");
		LABELS.put("unit", "Đơn vị thực hiện / Responsible unit");
		LABELS.put("recipient", "Nơi nhận / Recipient");
		LABELS.put("signer.onBehalfOf", "Thay mặt / On behalf of");
		LABELS.put("signer.role", "Chức vụ / Role");
		LABELS.put("signer", "Người ký / Signer");
	}

	private DraftReport() {
	}

	static String write(PlanDraft draft) {
		StringBuilder r = new StringBuilder();
		r.append("Bản nháp kế hoạch / Plan draft: ").append(draft.id()).append('\n');
		for (Map.Entry<String, String> label : LABELS.entrySet()) {
			for (Extracted value : draft.extracted()) {
				if (value.field().equals(label.getKey())) {
					r.append(label.getValue())
						.append(": ")
						.append(value.value())
						.append(" (dòng/line ")
						.append(value.line())
						.append(")\n");
				}
			}
		}
		r.append("\nCần kiểm tra / Warnings: ").append(draft.warnings().size()).append('\n');
		for (Warning warning : draft.warnings()) {
			r.append("- ")
				.append((warning.line() > 0) ? "dòng/line " + warning.line() + ": " : "")
				.append(warning.message())
				.append('\n');
		}
		return r.toString();
	}

}
