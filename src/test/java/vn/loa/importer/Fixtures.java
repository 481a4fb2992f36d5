package vn.loa.importer;

/**
 * Plans written for the tests, modelled on the real ones, covering the genre's variants.
 */
final class Fixtures {

	/**
	 * A central guidance with a spaced number, flattened two-column header, every date
	 * form.
	 */
	static final String GUIDANCE = """
			BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM
			BAN TUYÊN GIÁO
			*
			Số 69 – HD/BTGTW Hà Nội, ngày 15 tháng 12 năm 2024

			HƯỚNG DẪN
			tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử
			và các ngày kỷ niệm năm 2025

			Căn cứ Chương trình công tác năm 2025 của Ban Bí thư, Ban Tuyên giáo Trung ương hướng dẫn tuyên truyền các ngày lễ lớn, sự kiện lịch sử năm 2025 như sau:

			I. MỤC ĐÍCH, YÊU CẦU

			Tuyên truyền sâu rộng các ngày lễ lớn, tạo khí thế phấn khởi chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.

			II. NỘI DUNG TUYÊN TRUYỀN

			1. Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025).

			2. Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30.4.1975 - 30.4.2025).

			3. Kỷ niệm 71 năm Chiến thắng Điện Biên Phủ (07-5-1954 — 07-5-2025).

			4. Kỷ niệm 80 năm Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 – 02/9/2025).

			5. Kỷ niệm 70 năm Ngày truyền thống Hội Văn học nghệ thuật tỉnh (31/02/1955-31/02/2025).

			III. HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền trên báo chí, cổng thông tin điện tử, hệ thống đài truyền thanh cơ sở; tổ chức hội nghị báo cáo viên.

			IV. TỔ CHỨC THỰC HIỆN

			1. Ban Tuyên giáo các tỉnh ủy, thành ủy: Hướng dẫn tuyên truyền tại địa phương.

			2. Các cơ quan báo chí: Xây dựng chuyên trang, chuyên mục.

			Nơi nhận:
			- Các tỉnh ủy, thành ủy,
			- Lưu Vụ Tuyên truyền.

			K/T TRƯỞNG BAN
			PHÓ TRƯỞNG BAN

			Phan Xuân Thủy
			""";

	/**
	 * A people's-committee plan with a blank number and date, two rounds and a wrong
	 * ordinal.
	 */
	static final String COMMUNE = """
			ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
			XÃ PHÚ LỘC Độc lập - Tự do - Hạnh phúc
			Số:      /KH-UBND Phú Lộc, ngày      tháng 3 năm 2025

			KẾ HOẠCH
			Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước
			và 135 năm Ngày sinh Chủ tịch Hồ Chí Minh

			Thực hiện Kế hoạch số 45-KH/ĐU ngày 20/02/2025 của Ban Thường vụ Đảng ủy xã về tuyên truyền các ngày lễ lớn năm 2025; Ủy ban nhân dân xã ban hành Kế hoạch tuyên truyền như sau:

			I. MỤC ĐÍCH, YÊU CẦU

			Tuyên truyền sâu rộng trong Nhân dân về ý nghĩa lịch sử của các ngày lễ lớn trong năm 2025 trên địa bàn xã.

			II. NỘI DUNG TUYÊN TRUYỀN

			1. Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước 30/4/1975 – 30/4/2025.

			2. Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025).

			3. Kỷ niệm 71 năm Ngày thành lập Hợp tác xã Phú Lộc (16/11/1974-16/11/2018).

			III. THỜI GIAN TUYÊN TRUYỀN

			Đợt 1: từ ngày 01/4/2025 đến ngày 30/4/2025; đợt 2: từ ngày 10/5 đến hết ngày 19/5/2025.

			IV. HÌNH THỨC TUYÊN TRUYỀN

			1. Tuyên truyền trên hệ thống đài truyền thanh xã, loa truyền thanh các thôn.

			2. Đăng tải trên trang thông tin điện tử xã.

			3. Treo băng rôn, khẩu hiệu, panô tại trung tâm xã.

			V. TỔ CHỨC THỰC HIỆN

			1. Văn phòng HĐND và UBND xã: Tham mưu tổ chức thực hiện kế hoạch.

			2. Đài truyền thanh xã: Xây dựng chuyên mục, tăng thời lượng phát sóng.

			3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã phối hợp tuyên truyền trong đoàn viên, hội viên và Nhân dân trên địa bàn xã, nhất là các thôn vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số, bảo đảm đúng tiến độ.

			Nơi nhận:
			- Thường trực Đảng ủy (b/c);
			- Chủ tịch, các PCT UBND xã;
			- Lưu: VT.

			TM. ỦY BAN NHÂN DÂN
			CHỦ TỊCH

			Nguyễn Văn An
			""";

	/** A district plan for a quarter, with a congress unknown to the calendar. */
	static final String DISTRICT = """
			ĐẢNG BỘ TỈNH BÌNH ĐỊNH ĐẢNG CỘNG SẢN VIỆT NAM
			HUYỆN ỦY PHÙ CÁT
			*
			Số 120-KH/HU Phù Cát, ngày 05 tháng 9 năm 2022

			KẾ HOẠCH
			tuyên truyền kỷ niệm các ngày lễ lớn Quý IV năm 2022

			Thực hiện Hướng dẫn số 95-HD/BTGTU, ngày 25/8/2022 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền các ngày lễ lớn, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

			I. NỘI DUNG TUYÊN TRUYỀN

			1. Kỷ niệm 92 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930 - 14/10/2022); 68 năm Ngày Giải phóng Thủ đô 10/10/1954 – 10/10/2022; 40 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2022).

			2. Tuyên truyền chuẩn bị Đại hội đại biểu Đảng bộ huyện Phù Cát lần thứ XXIII, nhiệm kỳ 2025 - 2030.

			II. THỜI GIAN

			Thời gian: Quý IV/2022.

			III. HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua hệ thống phát thanh cơ sở, bản tin sinh hoạt chi bộ, mạng xã hội.

			IV. TỔ CHỨC THỰC HIỆN

			1. Ban Tuyên giáo Huyện ủy

			Hướng dẫn, theo dõi việc thực hiện kế hoạch.

			Nơi nhận:
			- Ban Tuyên giáo Tỉnh ủy (b/c),
			- Lưu VPHU.

			T/M BAN THƯỜNG VỤ
			BÍ THƯ

			Trần Văn Hùng
			""";

	/**
	 * A provincial plan with months, a peak and an exact range; 2021 dates without
	 * brackets.
	 */
	static final String PROVINCE = """
			TỈNH ỦY THÁI BÌNH
			BAN TUYÊN GIÁO
			Số 210-KH/BTGTU Thái Bình, ngày 20 tháng 02 năm 2025

			KẾ HOẠCH
			tuyên truyền Ngày sách và Văn hóa đọc Việt Nam năm 2025

			Căn cứ Kế hoạch số 15-KH/TU, ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch như sau:

			I. NỘI DUNG

			1. Nhắc lại kỷ niệm 91 năm Ngày thành lập Đảng 3/2/1930 – 3/2/2021 và chào mừng Ngày Quốc tế Lao động 01/5/1886.

			2. Thời gian tuyên truyền: từ tháng 3-5/2025, cao điểm tháng 3, 4/2025.

			3. Từ ngày 28/3/2023 đến hết ngày 05/4/2023: tổ chức Hội báo Xuân.

			II. HÌNH THỨC

			Trên trang thông tin điện tử của tỉnh.

			III. TỔ CHỨC THỰC HIỆN

			1. Sở Văn hóa, Thể thao và Du lịch: chủ trì tổ chức.

			Nơi nhận:
			- Như trên,
			- Lưu.

			K/T TRƯỞNG BAN
			PHÓ TRƯỞNG BAN

			Lê Thị Hoa
			""";

	/** A city plan like 443-KH/TU, but dated: "từ nay" starts on the plan's date. */
	static final String CITY = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
			BAN THƯỜNG VỤ THÀNH ỦY
			*
			Số 450-KH/TU Vũng Tàu, ngày 10 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền những chủ đề lớn, trọng tâm
			từ nay đến Đại hội XIV của Đảng

			Ngày 03/10/2024, Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu ban hành Hướng dẫn số 193-HD/BTGTU về tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.

			Nay, Ban Thường vụ Thành ủy Vũng Tàu xây dựng kế hoạch tuyên truyền như sau:

			I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

			1. Giai đoạn từ nay đến hết năm 2024, tập trung tuyên truyền kết quả Hội nghị Trung ương 10 khóa XIII và thành tựu của đất nước sau gần 40 năm đổi mới dưới sự lãnh đạo của Đảng.

			2. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền đại hội đảng bộ các cấp, Đại hội Đảng bộ tỉnh lần thứ VIII, gắn với kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025).

			II- HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua Trang thông tin điện tử Thành phố; qua hệ thống phát thanh không dây của cơ sở.

			III- TỔ CHỨC THỰC HIỆN

			1. Các Đảng bộ, chi bộ trực thuộc

			- Tổ chức tốt công tác tuyên truyền bằng các hình thức phù hợp.

			Nơi nhận:
			- Ban Tuyên giáo Tỉnh ủy (b/c),
			- Lưu Văn phòng Thành ủy.

			T/M BAN THƯỜNG VỤ
			PHÓ BÍ THƯ

			Lê Thị Thanh Bình
			""";

	private Fixtures() {
	}

}
