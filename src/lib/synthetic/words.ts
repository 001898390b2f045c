/**
 * Word banks for the synthetic archive (src/lib/synthetic/archive.ts). Written for this project:
 * short Vietnamese phrases that combine into plausible but invented sentences, so a generated
 * archive reads like meeting materials without copying any real document.
 */

/** Who acts in a sentence. */
export const SUBJECTS = [
  'Chi bộ thôn',
  'Đảng uỷ xã',
  'Mỗi đảng viên',
  'Chi uỷ',
  'Ban công tác Mặt trận',
  'Đoàn thanh niên',
  'Hội Phụ nữ',
  'Hội Cựu chiến binh',
  'Hội Nông dân',
  'Bí thư chi bộ',
  'Tổ hoà giải ở cơ sở',
  'Trưởng thôn',
  'Các đoàn thể chính trị',
  'Cán bộ phụ trách địa bàn',
  'Đảng viên cao tuổi',
  'Đảng viên trẻ',
  'Uỷ ban nhân dân xã',
  'Tổ dân phố',
  'Tổ tự quản an ninh',
  'Ban Thường vụ Tỉnh uỷ',
] as const;

/** What they do. */
export const VERBS = [
  'tiếp tục quán triệt',
  'chủ động triển khai',
  'tổ chức tuyên truyền',
  'vận động Nhân dân thực hiện',
  'kiểm tra, đôn đốc việc thực hiện',
  'phối hợp chặt chẽ để làm tốt',
  'bàn bạc dân chủ về',
  'nêu gương trong việc thực hiện',
  'sơ kết, rút kinh nghiệm về',
  'đề ra giải pháp cụ thể cho',
  'nắm chắc tình hình về',
  'lắng nghe ý kiến của bà con về',
  'phân công đảng viên theo dõi',
  'tập trung lãnh đạo',
  'đưa vào nghị quyết tháng',
  'giải đáp kịp thời những thắc mắc về',
] as const;

/** What they act on. */
export const OBJECTS = [
  'chương trình xây dựng nông thôn mới',
  'phong trào toàn dân đoàn kết xây dựng đời sống văn hoá',
  'công tác giảm nghèo bền vững',
  'việc giữ gìn vệ sinh môi trường ở khu dân cư',
  'kế hoạch phòng, chống thiên tai',
  'việc chuyển đổi cơ cấu cây trồng, vật nuôi',
  'công tác phát triển đảng viên mới',
  'việc thực hiện quy chế dân chủ ở cơ sở',
  'công tác bảo vệ rừng và phòng cháy rừng',
  'phong trào khuyến học, khuyến tài',
  'việc chăm sóc sức khoẻ người cao tuổi',
  'công tác phòng, chống tệ nạn xã hội',
  'việc giữ gìn an ninh trật tự ở thôn, bản',
  'chương trình chuyển đổi số ở cấp xã',
  'việc bảo tồn bản sắc văn hoá các dân tộc',
  'phong trào thi đua yêu nước',
  'công tác đền ơn đáp nghĩa',
  'việc xây dựng gia đình văn hoá',
  'các nghị quyết của cấp uỷ cấp trên',
  'việc sử dụng vốn vay ưu đãi đúng mục đích',
  'công tác tiêm chủng mở rộng cho trẻ em',
  'việc làm đường giao thông nông thôn',
] as const;

/** How or why, closing a sentence. */
export const COMPLEMENTS = [
  'bảo đảm thiết thực, hiệu quả',
  'gắn với nhiệm vụ chính trị của địa phương',
  'theo đúng tinh thần dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng',
  'không để hình thức, chiếu lệ',
  'có phân công rõ người, rõ việc, rõ thời hạn',
  'phù hợp với điều kiện của từng thôn, bản',
  'nhằm củng cố niềm tin của Nhân dân với Đảng',
  'trước khi bước vào vụ sản xuất mới',
  'để không hộ nào bị bỏ lại phía sau',
  'với sự tham gia của đông đảo bà con',
  'và báo cáo kết quả tại kỳ sinh hoạt sau',
  'trên tinh thần tiết kiệm, chống lãng phí',
  'bằng những việc làm cụ thể, dễ kiểm tra',
  'một cách kiên trì, bền bỉ',
] as const;

/** Clauses that open a sentence. */
export const OPENERS = [
  'Trong tháng qua,',
  'Thời gian tới,',
  'Thực hiện chỉ đạo của cấp trên,',
  'Qua kiểm tra thực tế,',
  'Bên cạnh những kết quả đạt được,',
  'Để khắc phục hạn chế nêu trên,',
  'Từ kinh nghiệm của các năm trước,',
  'Theo báo cáo của các đoàn thể,',
  'Nhân dịp này,',
  'Trước yêu cầu mới,',
] as const;

/** Themes that name sections, guides and topic parts. */
export const THEMES = [
  'Đoàn kết xây dựng khu dân cư',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Phát huy vai trò nêu gương',
  'Giữ gìn đạo đức công vụ',
  'Chăm lo đời sống Nhân dân',
  'Phát triển kinh tế hộ gia đình',
  'Bảo vệ môi trường sống',
  'Xây dựng gia đình no ấm',
  'Giữ vững an ninh biên giới',
  'Tăng cường khối đại đoàn kết',
  'Đẩy mạnh chuyển đổi số',
  'Thực hành tiết kiệm',
  'Khuyến học ở thôn, bản',
  'Phòng, chống thiên tai',
  'Tự phê bình và phê bình',
  'Gần dân, hiểu dân, giúp dân',
  'Chống suy thoái tư tưởng chính trị',
  'Giữ gìn bản sắc văn hoá',
  'Xây dựng nông thôn mới kiểu mẫu',
  'Chăm sóc thế hệ trẻ',
] as const;

/** Occasions remembered in a month, by month number (1–12). */
export const OCCASIONS: Readonly<Record<number, string>> = {
  1: 'Ngày hội đón Xuân và mừng Đảng',
  2: 'Ngày thành lập Đảng Cộng sản Việt Nam',
  3: 'Ngày Quốc tế Phụ nữ và Ngày thành lập Đoàn',
  4: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  5: 'Ngày sinh Chủ tịch Hồ Chí Minh',
  6: 'Ngày Gia đình Việt Nam',
  7: 'Ngày Thương binh, liệt sĩ',
  8: 'Ngày Cách mạng Tháng Tám thành công',
  9: 'Ngày Quốc khánh',
  10: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam',
  11: 'Ngày truyền thống Mặt trận Tổ quốc Việt Nam',
  12: 'Ngày thành lập Quân đội nhân dân Việt Nam',
};

/** Invented province names for the issuer line. */
export const PROVINCES = ['Sơn Lâm', 'Hà Giang Nam', 'Bình Nguyên', 'Đông Hải', 'Tây Sơn Thượng'] as const;

/** Invented people for model-citizen stories. */
export const PEOPLE = [
  'ông Lò Văn Thắng',
  'bà Nguyễn Thị Hoa',
  'anh Hoàng Văn Dũng',
  'chị Sùng Thị Mai',
  'ông Đinh Công Lực',
  'bà Lương Thị Xuân',
  'anh Vàng A Páo',
  'chị Phạm Thị Thu',
  'ông Trần Văn Bình',
  'anh Quàng Văn Khiêm',
] as const;

/** Places within the province. */
export const PLACES = [
  'thôn Nà Mường',
  'bản Pá Khoang',
  'tổ dân phố số 3',
  'thôn Đồng Tâm',
  'bản Huổi Lếch',
  'thôn Tân Lập',
  'bản Co Mạ',
  'thôn Khe Vàng',
  'xã Phiêng Luông',
  'phường Thành Nam',
] as const;

/** Row labels of statistics tables. */
export const INDICATORS = [
  'Số hộ thoát nghèo',
  'Lao động có việc làm mới',
  'Diện tích trồng rừng mới (ha)',
  'Nhà tạm được xoá',
  'Đường giao thông được cứng hoá (km)',
  'Trẻ em được tiêm chủng đầy đủ',
  'Hộ đạt danh hiệu gia đình văn hoá',
  'Đảng viên mới được kết nạp',
  'Xã đạt chuẩn nông thôn mới',
  'Học sinh được hỗ trợ bán trú',
] as const;

/** Document issuers for the "văn bản mới" table. */
export const DOCUMENT_ISSUERS = [
  'Ban Thường vụ Tỉnh uỷ',
  'Ban Chấp hành Đảng bộ tỉnh',
  'Hội đồng nhân dân tỉnh',
  'Uỷ ban nhân dân tỉnh',
  'Ban Tuyên giáo và Dân vận Tỉnh uỷ',
  'Uỷ ban Kiểm tra Tỉnh uỷ',
] as const;

/** Kinds of document with their code suffix. */
export const DOCUMENT_TYPES = [
  { name: 'Nghị quyết', code: 'NQ/TU' },
  { name: 'Chỉ thị', code: 'CT/TU' },
  { name: 'Kế hoạch', code: 'KH/TU' },
  { name: 'Hướng dẫn', code: 'HD/BTGDVTU' },
  { name: 'Kết luận', code: 'KL/TU' },
  { name: 'Quy định', code: 'QĐ/TU' },
] as const;

/** Short sayings for blockquotes (invented, in the spirit of meeting materials). */
export const SAYINGS = [
  'Việc gì có lợi cho dân thì phải hết sức làm; việc gì có hại cho dân thì phải hết sức tránh.',
  'Chi bộ mạnh thì thôn, bản mới mạnh; đảng viên gương mẫu thì dân mới tin theo.',
  'Nói ít, làm nhiều, làm đến nơi đến chốn là cách tuyên truyền tốt nhất.',
  'Muốn dân tin thì trước hết phải sống gần dân, hiểu dân và giữ lời hứa với dân.',
  'Một nghị quyết hay mà không có người làm thì cũng chỉ nằm trên giấy.',
  'Tự soi, tự sửa mỗi ngày thì khuyết điểm không thể lớn lên.',
] as const;

/** Questions of the "hỏi đáp" sections. */
export const FAQ_QUESTIONS = [
  'Đảng viên chuyển nơi cư trú thì sinh hoạt ở đâu?',
  'Chi bộ có bao nhiêu đảng viên thì được bầu chi uỷ?',
  'Đảng viên cao tuổi có được miễn sinh hoạt không?',
  'Khi nào chi bộ phải sinh hoạt chuyên đề?',
  'Đảng phí được tính như thế nào với người làm nông nghiệp?',
  'Quần chúng muốn vào Đảng cần chuẩn bị những gì?',
  'Đảng viên có ý kiến khác với nghị quyết thì làm thế nào?',
  'Biên bản sinh hoạt chi bộ cần ghi những nội dung gì?',
] as const;

/** Alt texts of generated illustrations, completed with a place. */
export const IMAGE_SUBJECTS = [
  'Đảng viên và bà con cùng làm đường bê tông ở',
  'Buổi sinh hoạt chi bộ tại nhà văn hoá',
  'Các hộ gia đình trồng rừng trên sườn đồi ở',
  'Thanh niên tình nguyện dọn vệ sinh đường làng ở',
  'Lớp học xoá mù chữ buổi tối ở',
  'Cánh đồng lúa vụ mùa của',
] as const;
