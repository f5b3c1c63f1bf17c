"""Write the gold statements and meaning-level themes of the third own persona study (telco).

The annotation follows ``make_gold.py``: a statement is a sentence or clause of a respondent's
answer that states a goal, pain point, objection, mindset or channel, and its theme is the
meaning a researcher would write on the wall, shared by every language (``THEMES`` of
``make_study_telco.py``, 3-7 per kind); the kind of a statement is the kind of its theme. Left
out, as an annotator would: small talk, biography and narrative, remarks about other people
("my roommate is on her dad's postpaid plan"), negated remarks that state no need ("speed
isn't the issue for me"; the positive half of such a turn, "I'd rather pay a bit more than deal
with lag", is kept), and in the survey bare package names ("paket 30GB", "gói ORB90"), bare
top-up outlets and wallets ("Indomaret", "MoMo": where people buy, not how they hear about a
package), vague answers ("not really", "biasa aja"), non-answers and emoji. A bare channel
that answers the channel question ("TikTok", "the app", "bạn bè") is a channel statement.

Interviews are annotated turn by turn (``INTERVIEWS``: participant -> [(text, theme), ...]);
the survey, composed from phrase pools, fragment by fragment (the pools carry their theme),
each fragment looked up in the cell it was used in. A survey respondent whose answers were
all noise would have no gold statement (none in the drawn survey); every participant is in
``truth_telco.json`` either way.

Every ``text`` is checked to be an exact substring of that participant's answer as it reads in
the rendered study file (caption cues of one answer joined with a space). Run
``python benchmarks/data/personas/make_gold_telco.py`` after ``make_study_telco.py`` to
regenerate ``gold_statements_telco.jsonl`` and ``gold_themes_telco.json`` (deterministic).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import make_study_telco as study  # noqa: E402

INTERVIEWS: dict[str, list[tuple[str, str]]] = {
    "t01": [
        ("The most gigabytes for the least money, honestly", "data-value"),
        (
            "if I can get 20GB for the same price as 15GB somewhere else, that's where I go",
            "data-value",
        ),
        ("The data runs out way before the end of the month", "quota-runs-out"),
        (
            "one week in it's gone, then I'm stuck buying small top-ups that cost more per gig",
            "quota-runs-out",
        ),
        ("Sometimes my load just disappears", "hidden-charges"),
        (
            "I think it's those subscriptions you get signed up for by accident, like a daily horoscope text, and suddenly twenty pesos is gone",
            "hidden-charges",
        ),
        (
            "then you read the fine print and it's only for new SIMs, or only valid on certain apps",
            "promo-fine-print",
        ),
        ("I don't trust those anymore", "promo-fine-print"),
        ("my GCash and my bank OTP are on this number, so I'd rather not change it", "keep-number"),
        ("I'm a promo hunter, I admit it", "deal-hunter"),
        (
            "I have two SIMs and I switch my data to whichever one has the better deal that week",
            "deal-hunter",
        ),
        (
            "Mostly from a Facebook group, Cebu Promo Alerts, people post screenshots of the new codes there",
            "social-promos",
        ),
        ("And TikTok, there's a girl who reviews data promos every week", "social-promos"),
        ("The deals inside the app are sometimes good though, the app-only ones", "app-sms"),
    ],
    "t02": [
        ("Yang paling penting kuotanya gede tapi harganya murah", "data-value"),
        ("Aku bandingin harga per giga, kalau bisa di bawah dua ribu per GB", "data-value"),
        ("Aku pengen kuotanya awet sampai akhir bulan", "quota-lasts"),
        (
            "Kuota utamanya kecil banget, yang gede itu kuota malam sama kuota aplikasi",
            "quota-runs-out",
        ),
        ("Pulsa sering kesedot, padahal aku nggak pernah daftar apa-apa", "hidden-charges"),
        ("Tiba-tiba lima ribu ilang, katanya langganan konten", "hidden-charges"),
        ("promonya ternyata cuma buat pelanggan baru", "promo-fine-print"),
        ("Ribet, harus beli kartu perdana terus, dan nomor lama nanti hilang", "keep-number"),
        ("Aku tipe yang nggak mau rugi", "deal-hunter"),
        (
            "Nungguin flash sale, pakai cashback, pokoknya nggak pernah beli harga normal",
            "deal-hunter",
        ),
        ("Dari TikTok sama grup WhatsApp angkatan", "social-promos"),
        ("Ada yang suka share info kuota murah hari ini, langsung aku cek", "social-promos"),
        ("Kadang ada notif promo di aplikasi, yang khusus untukmu itu", "app-sms"),
    ],
    "t03": [
        ("Em muốn gói nào nhiều data nhất mà giá rẻ nhất", "data-value"),
        (
            "Tháng trước em bị trừ tiền mấy lần vì dịch vụ gì đó mà em không hề đăng ký",
            "hidden-charges",
        ),
        ("gọi lên tổng đài thì họ bảo em tự hủy đi", "bad-support"),
        ("Data hết nhanh lắm, nhất là tuần thi phải xem video bài giảng", "quota-runs-out"),
        ("Hết data là mạng chậm như rùa, phải mua thêm gói ngày", "quota-runs-out"),
        (
            "Em sợ đổi mạng phải đổi số, mà số này em dùng từ hồi cấp ba, tài khoản ngân hàng với ví MoMo đều gắn với nó",
            "keep-number",
        ),
        (
            "Quảng cáo ghi miễn phí data nhưng đọc kỹ thì chỉ miễn phí cho vài ứng dụng, hoặc chỉ áp dụng cho thuê bao mới",
            "promo-fine-print",
        ),
        ("Em hơi ki bo một tí", "deal-hunter"),
        ("Cái gì cũng phải so sánh giá, có mã giảm giá mới mua", "deal-hunter"),
        ("Chủ yếu qua mấy group Facebook săn sale, với TikTok", "social-promos"),
        (
            "Có mấy bạn review gói cước, so sánh giá các nhà mạng rất chi tiết",
            "social-promos",
        ),
        (
            "Tin nhắn khuyến mãi thì em nhận suốt, có lần thấy gói ưu đãi rẻ là em đăng ký luôn qua tin nhắn",
            "app-sms",
        ),
    ],
    "t04": [
        ("Low ping, that's number one", "fast-stable"),
        (
            "I want a connection that's stable more than one that's just fast on a speed test",
            "fast-stable",
        ),
        ("Good 4G everywhere I go, or 5G if they have it", "coverage"),
        ("I want it to hold up between stations, not just in the city centre", "coverage"),
        ("The lag in the evenings", "lag-drops"),
        (
            "Eight to eleven, when everyone's home, the ping just jumps all over the place",
            "lag-drops",
        ),
        ("after 100 gigs they throttled me down to like 3 Mbps", "throttling"),
        ("That's not unlimited, that's a trap", "throttling"),
        ("I'd rather pay a bit more than deal with lag", "quality-first"),
        ("Coverage maps lie", "coverage-doubt"),
        (
            "I'm not switching until I've tested the signal in my house and at the office myself",
            "coverage-doubt",
        ),
        ("I'm a bit of a nerd about it", "quality-first"),
        (
            "I run speed tests in every new place, I've got a spreadsheet of ping results from three networks",
            "quality-first",
        ),
        (
            "A YouTube review, one of those guys who drives around KL doing speed tests on every network",
            "reviews-communities",
        ),
        ("Then I checked the thread on the Lowyat forum", "reviews-communities"),
        ("My squad on Discord", "reviews-communities"),
        ("if someone's ping looks better, we ask what they're using", "word-of-mouth"),
    ],
    "t05": [
        ("Sinyal yang stabil, Mas, upload-nya juga harus kenceng", "fast-stable"),
        ("Yang unlimited beneran, tanpa FUP", "no-cap"),
        ("Ping suka naik turun pas main PUBG, apalagi jam tujuh malam", "lag-drops"),
        ("Kadang dari 30 langsung 400, auto kalah", "lag-drops"),
        ("Di rumah sinyalnya cuma dua bar, HP harus ditaruh di jendela", "lag-drops"),
        ("Di KRL juga sering hilang total", "lag-drops"),
        (
            "Katanya unlimited, tapi abis 50 GB kecepatannya dipotong jadi lemot banget",
            "throttling",
        ),
        ("yang penting lancar", "quality-first"),
        ("Kalau murah tapi lemot ya buat apa", "quality-first"),
        ("Takut sinyalnya di daerah saya jelek", "coverage-doubt"),
        (
            "Iklannya bilang 5G, tapi di Bekasi pinggiran gini paling dapat 4G, itu pun kadang H+",
            "coverage-doubt",
        ),
        ("Saya suka ngulik", "quality-first"),
        ("Tiap ganti kartu pasti saya tes pakai Speedtest dulu", "quality-first"),
        ("Dari review YouTuber yang tes ping di beberapa kota", "reviews-communities"),
        (
            "di grup Discord komunitas PUBG juga banyak yang rekomendasiin",
            "reviews-communities",
        ),
    ],
    "t06": [
        ("Mạng phải ổn định anh ơi, ping thấp", "fast-stable"),
        ("Em muốn gói không giới hạn thật sự, không bóp băng thông", "no-cap"),
        ("Tối nào tầm 9 giờ mạng cũng chập chờn, ping nhảy lên mấy trăm", "lag-drops"),
        ("Stream mà hình cứ đứng là người xem thoát hết", "lag-drops"),
        (
            "Gói không giới hạn mà dùng hết 4GB mỗi ngày là tốc độ xuống còn mấy trăm kbps, coi như không dùng được",
            "throttling",
        ),
        ("Em ngại nhất là sóng", "coverage-doubt"),
        (
            "Quảng cáo nói phủ 5G khắp thành phố, mà ra ngoại thành là rớt xuống 4G, có chỗ còn mất sóng",
            "coverage-doubt",
        ),
        ("Mắc hơn vài chục nghìn cũng được, miễn là mượt", "quality-first"),
        (
            "em đo Speedtest gần như mỗi ngày, chỗ nào mạnh chỗ nào yếu em nhớ hết",
            "quality-first",
        ),
        (
            "Em xem mấy clip review trên YouTube, người ta đo tốc độ 5G ở từng quận",
            "reviews-communities",
        ),
        (
            "trong group game thủ trên Facebook mọi người cũng hay so sánh",
            "reviews-communities",
        ),
        ("Thằng bạn chơi chung team giới thiệu", "word-of-mouth"),
    ],
    "t07": [
        ("My number has to be online the whole day", "reachable"),
        (
            "Customers message me on WhatsApp and Messenger to order, and if I reply two hours late they already bought from someone else",
            "reachable",
        ),
        ("A signal that's reliable when I do live selling on Shopee", "fast-stable"),
        (
            "Last month the network went down for almost a whole afternoon during the 11.11 sale",
            "outage-lost-orders",
        ),
        ("I lost I think thirty orders, and nobody told us anything", "outage-lost-orders"),
        ("You call the hotline and it's a bot", "bad-support"),
        (
            "then you wait forty minutes for a person who just says they'll escalate it",
            "bad-support",
        ),
        ("all my customers know this number", "keep-number"),
        (
            "It's printed on my labels and my Facebook page, so changing is not an option for me",
            "keep-number",
        ),
        (
            "They offered me a business postpaid, but it's a 24-month lock-in and they wanted my DTI permit, my ID and proof of billing",
            "contract-lockin",
        ),
        ("Too much paperwork for a small seller like me", "contract-lockin"),
        ("My phone is my store, really", "phone-is-business"),
        (
            "If the phone is down, the business is down, so I don't take chances",
            "phone-is-business",
        ),
        ("From the sales agent at the mall kiosk, she explained everything", "store-staff"),
        (
            "in our Facebook group for online sellers, people share which network is okay for live selling",
            "seller-communities",
        ),
    ],
    "t08": [
        ("Yang penting WhatsApp jalan terus dari subuh sampai malam", "reachable"),
        ("kalau telat bales pelanggan pindah ke yang lain", "reachable"),
        ("Sinyal di pasar juga harus ada", "coverage"),
        ("pembeli bayar pakai QRIS, kalau sinyal hilang ya repot", "coverage"),
        ("waktu Lebaran kemarin jaringan down setengah hari", "outage-lost-orders"),
        (
            "Pesanan kue kering numpuk di WA tapi nggak kekirim, banyak yang batal",
            "outage-lost-orders",
        ),
        ("CS-nya muter-muter", "bad-support"),
        (
            "Chat di aplikasi dijawab bot terus, ditanya nomor tiket, disuruh nunggu 3x24 jam, padahal saya butuhnya hari itu",
            "bad-support",
        ),
        (
            "Semua pelanggan simpan nomor ini, di stiker kemasan juga ada, masa harus ganti",
            "keep-number",
        ),
        (
            "Pernah ditawari pascabayar, tapi harus kontrak setahun dan pakai NPWP segala",
            "contract-lockin",
        ),
        ("takut nanti tagihannya membengkak", "contract-lockin"),
        ("HP ini ibaratnya toko saya, Mbak", "phone-is-business"),
        ("Kalau HP mati, ya toko tutup", "phone-is-business"),
        ("Dari grup WA paguyuban UMKM di kelurahan", "seller-communities"),
        ("Ada yang share paket khusus pedagang", "seller-communities"),
        ("terus saya tanya ke gerai Orbi di mal", "store-staff"),
    ],
    "t09": [
        ("Quan trọng nhất là mạng không được rớt khi chị livestream", "fast-stable"),
        ("rớt mạng giữa chừng là mất khách", "fast-stable"),
        (
            "Số điện thoại phải liên lạc được suốt, vì khách gọi với nhắn Zalo đặt hàng cả ngày",
            "reachable",
        ),
        (
            "hôm đứt cáp quang biển mạng chậm cả tuần, livestream cứ giật, đơn giảm gần một nửa",
            "outage-lost-orders",
        ),
        (
            "chờ cả nửa tiếng mới gặp nhân viên, mà họ chỉ xin lỗi rồi bảo chờ khắc phục",
            "bad-support",
        ),
        ("Chị không dám đổi số đâu", "keep-number"),
        ("Khách quen lưu số này hết rồi, in trên túi giao hàng luôn", "keep-number"),
        (
            "Nhân viên có mời chị đăng ký gói doanh nghiệp, nhưng phải ký hợp đồng, phải có giấy phép kinh doanh, chị thấy rườm rà quá",
            "contract-lockin",
        ),
        ("Với chị, cái điện thoại là cả cửa hàng", "phone-is-business"),
        ("Mất mạng một buổi là mất tiền thật", "phone-is-business"),
        (
            "Qua nhóm Zalo của mấy chị em bán hàng online, mọi người hay chia sẻ mạng nào live ổn",
            "seller-communities",
        ),
        ("Rồi chị ra cửa hàng giao dịch hỏi nhân viên thêm", "store-staff"),
    ],
}

LINE = re.compile(r"^(?:\[[\d:]+\] )?([^\s:][^:]*): (.*)$")
VOICE = re.compile(r"^<v ([^>]+)>(.*)</v>$")


def transcript_answers(path: Path, interviewer: str) -> list[str]:
    """The respondent's answers in a rendered transcript, caption cues of one turn joined."""
    turns: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = VOICE.match(line) or LINE.match(line)
        if not match or "-->" in line:
            continue
        speaker, text = match.groups()
        if turns and turns[-1][0] == speaker and path.suffix != ".txt":
            turns[-1] = (speaker, turns[-1][1] + " " + text)
        else:
            turns.append((speaker, text))
    return [text for speaker, text in turns if speaker != interviewer]


def _record(participant: str, doc: str, language: str, text: str, theme: str, kinds: dict):
    return {
        "participant": participant,
        "doc": doc,
        "language": language,
        "text": text,
        "kind": kinds[theme],
        "theme": theme,
    }


def telco_gold() -> list[dict]:
    kinds = study.THEME_KIND
    records = []
    for interview in study.INTERVIEWS:
        participant = interview["id"]
        doc = f"{participant}.{interview['format']}"
        answers = transcript_answers(study.STUDY / doc, interview["interviewer"])
        respondent_turns = len(interview["turns"])
        if len(answers) != respondent_turns:
            raise ValueError(f"{doc}: {len(answers)} answers read, {respondent_turns} written")
        for text, theme in INTERVIEWS[participant]:
            if not any(text in answer for answer in answers):
                raise ValueError(f"{doc} ({participant}): gold text not found verbatim: {text!r}")
            records.append(_record(participant, doc, interview["language"], text, theme, kinds))
    themes = study.fragment_themes()
    with open(study.STUDY / "survey.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    cells = {row[0]: row[len(study.SURVEY_COLUMNS) - 3 :] for row in rows[1:]}
    for row in study.SURVEY:
        for cell, segments in zip(cells[row["id"]], row["segments"], strict=True):
            for _kind, fragment in segments:
                # the composer may lower-case the whole answer
                start = cell.casefold().find(fragment.casefold())
                if start < 0:
                    raise ValueError(f"survey.csv ({row['id']}): {fragment!r} not in {cell!r}")
                text = cell[start : start + len(fragment)]
                records.append(
                    _record(row["id"], "survey.csv", row["language"], text, themes[fragment], kinds)
                )
    return records


def main() -> None:
    records = telco_gold()
    used = {r["theme"] for r in records}
    unused = [t[0] for t in study.THEMES if t[0] not in used]
    if unused:
        raise ValueError(f"telco: themes without statements: {unused}")
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (HERE / "gold_statements_telco.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    listed = [
        {"id": i, "kind": k, "label": label, "desc": desc} for i, k, label, desc in study.THEMES
    ]
    (HERE / "gold_themes_telco.json").write_text(
        json.dumps(listed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
