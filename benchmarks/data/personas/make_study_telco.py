"""Render the third persona benchmark study: a Southeast Asian mobile operator (hand-written
interviews, a generated survey) into transcript and survey files.

The study: 129 participants (9 interviewees, 120 survey respondents) around "Orbi", a mobile
operator selling prepaid data packages (top-ups at counters, e-wallets and in the MyOrbi app)
in the Philippines/Malaysia (English), Indonesia and Vietnam, written with three intended
personas in mind:

* ``hunter``   - price-driven data-package hunters (students, young workers): the most GB for
  the money, quota that lasts the month and does not expire; hate quota that runs out in two
  weeks and balance drained by content subscriptions they never signed up for; wary of promos
  for new SIMs only and fine print, of bigger packages that cost too much and of losing the
  number their bank OTP goes to; compare every promo and keep two SIMs; hear about promos on
  TikTok, Facebook promo groups, from the app's and SMS offers.
* ``streamer`` - heavy streamers and mobile gamers: low ping, a stable connection and fast
  upload, coverage at home and on the commute, "unlimited" without a fair-usage cap; hate lag
  and evening ping spikes, signal drops and throttling after a cap; wary of coverage claims and
  5G that has not reached their area; tech nerds who run speed tests and pay more for quality;
  listen to YouTube speed-test reviews, gaming Discords, forums and teammates.
* ``seller``   - small-business sellers running a shop on WhatsApp/Zalo and marketplaces: a
  number that is always reachable for orders, a stable connection for live selling, signal at
  the market stall; hate outages that cost orders and hotlines that are a bot; wary of changing
  the number customers know and of business plans with contracts and paperwork; "the phone is
  my shop"; hear about plans in seller groups and from the staff at the operator's store.

The personas overlap as real people do: everyone mentions price, signal and easy top-ups, the
seller wants a stable line for live selling like the streamer, the hunter also fears losing
the number. 9 interviews (3 per persona, one each in English, Indonesian and Vietnamese; txt,
vtt, srt; 13-14 respondent turns each) carry small talk, biography and narrative that is no
statement, remarks about other people (a roommate, a neighbour), negated remarks ("price isn't
really the issue for me") and questions phrased in varied ways; the interviewer is labelled
``Interviewer``, ``Pewawancara``, ``PV`` or ``Người phỏng vấn``, one VTT uses ``<v>`` voice tags
and one transcript starts with a title line.

One survey CSV with 120 respondents (40 per persona: 16 answer in Indonesian, 12 in Vietnamese,
12 in English) and three open questions (what matters in a data package; what makes you
hesitate to switch or upgrade; how you find out about new packages), drawn from per-persona
and shared phrase pools with seeded noise: blanks and non-answers ("-", "n/a", "tidak ada",
"không có", "ko biết", emoji), bare product names ("paket 30GB", "gói ORB90", "unlimited
plan") and bare top-up outlets or wallets ("Indomaret", "MoMo") that are no statements,
generic answers every persona gives ("murah", "sóng khỏe"), typos, chat spelling and mixed
languages; only about half of the answers are persona-specific. ``SURVEY`` keeps, per cell, the
pool fragments used with their theme (the gold of ``make_gold_telco.py``).

``truth_telco.json`` holds participant -> intended persona (interview ids are the file stems,
survey ids the respondent_id), ``existing_personas_telco.json`` a marketing team's English
persona file (the three personas, each with one planted unsupported item and one theme it
leaves out, plus one persona nobody matches, and unknown extra fields) and
``enrich_truth_telco.json`` what enrichment should find.

Run ``python benchmarks/data/personas/make_study_telco.py`` to regenerate the files, then
``make_gold_telco.py`` (deterministic: the survey is drawn with ``random.Random(SEED)``).
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
STUDY = HERE / "study_telco"
SEED = 20250617
PERSONAS = ("hunter", "streamer", "seller")
LANGUAGES = ("en", "id", "vi")

# Meaning-level themes (id, kind, label, description), shared by every language; the survey
# pools below and the interview gold of make_gold_telco.py refer to them by id.
THEMES: list[tuple[str, str, str, str]] = [
    ("data-value", "goal", "most data for the money", "big quota at a low price, cheap per GB"),
    (
        "quota-lasts",
        "goal",
        "quota that lasts the month",
        "data lasts until the end of the month, long validity, unused data carries over",
    ),
    (
        "fast-stable",
        "goal",
        "fast, stable connection",
        "low ping, stable speed, fast upload for gaming, streaming and live selling",
    ),
    (
        "coverage",
        "goal",
        "signal everywhere",
        "good 4G/5G signal at home, on the commute, at the market",
    ),
    ("no-cap", "goal", "truly unlimited data", "unlimited without a fair-usage cap or throttling"),
    (
        "reachable",
        "goal",
        "always reachable for orders",
        "the number and WhatsApp/Zalo online all day so customers can order",
    ),
    (
        "easy-topup",
        "goal",
        "easy top-up and buying",
        "top up and buy packages easily in the app or with an e-wallet",
    ),
    (
        "quota-runs-out",
        "pain_point",
        "quota runs out too fast",
        "data gone in two weeks, main quota small, night or app-only quota",
    ),
    (
        "hidden-charges",
        "pain_point",
        "balance drained by hidden charges",
        "credit deducted for content subscriptions never signed up for",
    ),
    (
        "lag-drops",
        "pain_point",
        "lag and signal drops",
        "ping spikes and lag in the evening, weak signal, connection drops",
    ),
    (
        "throttling",
        "pain_point",
        "throttled after a cap",
        "'unlimited' slowed down after a fair-usage cap",
    ),
    (
        "outage-lost-orders",
        "pain_point",
        "outages cost orders",
        "network down during sales, lost orders and customers",
    ),
    (
        "bad-support",
        "pain_point",
        "slow support, chatbots",
        "hotline and chat support slow, bots, long waits, no help",
    ),
    (
        "too-expensive",
        "objection",
        "bigger packages cost too much",
        "price of larger plans, price increases",
    ),
    (
        "promo-fine-print",
        "objection",
        "promo fine print",
        "promos for new SIMs only, app-only or night quota, many conditions",
    ),
    (
        "coverage-doubt",
        "objection",
        "doubts about coverage where I am",
        "coverage claims and 5G not trusted, signal at home must be tested first",
    ),
    (
        "keep-number",
        "objection",
        "can't change my number",
        "bank OTP, e-wallet or customers tied to the number",
    ),
    (
        "contract-lockin",
        "objection",
        "contracts and paperwork",
        "business/postpaid plans with lock-in contracts, permits and documents",
    ),
    (
        "deal-hunter",
        "mindset",
        "promo hunter",
        "compares prices, never pays full price, keeps two SIMs for deals",
    ),
    (
        "quality-first",
        "mindset",
        "quality over price",
        "pays more for a stable line, runs speed tests, tech nerd",
    ),
    (
        "phone-is-business",
        "mindset",
        "the phone is my shop",
        "no signal means no sales, the business runs on the phone",
    ),
    (
        "social-promos",
        "channel",
        "promo posts on social media",
        "TikTok, Facebook/Instagram promo groups and accounts",
    ),
    ("word-of-mouth", "channel", "word of mouth", "friends, family, teammates recommend it"),
    (
        "reviews-communities",
        "channel",
        "reviews and gaming communities",
        "YouTube speed-test reviews, Discord, Reddit and tech forums",
    ),
    (
        "seller-communities",
        "channel",
        "seller communities",
        "WhatsApp/Zalo/Facebook groups of sellers, marketplace forums, suppliers",
    ),
    (
        "store-staff",
        "channel",
        "operator store and sales staff",
        "advice from staff at the operator's store or a sales agent",
    ),
    ("app-sms", "channel", "app and SMS offers", "offers and notifications in the app, SMS promos"),
]
THEME_KIND = {theme_id: kind for theme_id, kind, _label, _desc in THEMES}

# Each interview turn: (kind of the answer or None for small talk, narrative, remarks about
# others and negated remarks, question, answer). The kind is what the answer mainly says (goal,
# pain, objection, mindset, channel); the oracle row of bench_personas.py uses it, the pipeline
# never sees it. ``interviewer`` is the interviewer's speaker label in the rendered file.
INTERVIEWS: list[dict] = [
    {
        "id": "t01",
        "format": "txt",
        "language": "en",
        "interviewer": "Interviewer",
        "speaker": "Jessa",
        "persona": "hunter",
        "turns": [
            (
                None,
                "Hi Jessa, can you hear me okay? The line was a bit choppy earlier.",
                "Yes, I can hear you now. I'm at the boarding house, my roommates are cooking so it's a bit noisy, sorry.",
            ),
            (
                None,
                "No worries. Tell me a little about yourself.",
                "I'm twenty, second year nursing at a college in Cebu. I'm from Bohol, so I go home on the ferry every other weekend.",
            ),
            (
                "goal",
                "When you buy a data promo, what are you really after?",
                "The most gigabytes for the least money, honestly. My allowance is tight, so if I can get 20GB for the same price as 15GB somewhere else, that's where I go.",
            ),
            (
                "pain",
                "What bugs you about the promos you've had?",
                "The data runs out way before the end of the month. I watch lectures on YouTube and one week in it's gone, then I'm stuck buying small top-ups that cost more per gig.",
            ),
            (
                None,
                "Do your classmates do the same?",
                "My roommate is different, she's on her dad's postpaid plan, so she never thinks about it. She streams K-dramas all night.",
            ),
            (
                "pain",
                "Anything else that annoys you?",
                "Sometimes my load just disappears. I think it's those subscriptions you get signed up for by accident, like a daily horoscope text, and suddenly twenty pesos is gone.",
            ),
            (
                None,
                "Is the speed a problem for you?",
                "Not really, speed isn't the issue for me. As long as Messenger works and I can watch at 480p, I'm fine.",
            ),
            (
                "objection",
                "What stops you from moving to a different network?",
                "The promos from the other network look cheaper, but then you read the fine print and it's only for new SIMs, or only valid on certain apps. I don't trust those anymore.",
            ),
            (
                "objection",
                "And keeping your number, does that matter?",
                "Yeah, my GCash and my bank OTP are on this number, so I'd rather not change it. That's really what keeps me here.",
            ),
            (
                "mindset",
                "How would you describe yourself as a buyer?",
                "I'm a promo hunter, I admit it. I have two SIMs and I switch my data to whichever one has the better deal that week.",
            ),
            (
                "channel",
                "Where do you usually find out about new promos?",
                "Mostly from a Facebook group, Cebu Promo Alerts, people post screenshots of the new codes there. And TikTok, there's a girl who reviews data promos every week.",
            ),
            (
                "channel",
                "Does the network itself ever reach you?",
                "They send SMS offers all the time, but I mostly ignore them. The deals inside the app are sometimes good though, the app-only ones.",
            ),
            (
                None,
                "Anything you'd like to add?",
                "Just bring the 99 promo back, haha. Okay, I need to go, my cousin is waiting for me at the port.",
            ),
        ],
    },
    {
        "id": "t02",
        "format": "vtt",
        "language": "id",
        "interviewer": "Pewawancara",
        "speaker": "Rina",
        "persona": "hunter",
        "turns": [
            (
                None,
                "Halo Rina, suaranya jelas?",
                "Jelas kok, Mbak. Maaf ya tadi telat, abis kelas langsung ngebut ke kos.",
            ),
            (
                None,
                "Santai aja. Cerita dikit dong soal kamu.",
                "Aku kuliah semester lima di Jogja, jurusan akuntansi. Aslinya dari Klaten, jadi tiap Jumat biasanya pulang naik KRL.",
            ),
            (
                "goal",
                "Kalau beli paket data, yang paling kamu cari apa sih?",
                "Yang paling penting kuotanya gede tapi harganya murah. Aku bandingin harga per giga, kalau bisa di bawah dua ribu per GB.",
            ),
            (
                "goal",
                "Terus apa lagi?",
                "Aku pengen kuotanya awet sampai akhir bulan. Soalnya uang jajan dari ortu kan datangnya tanggal satu, jadi kalau kuota habis tanggal dua puluh ya udah, nunggu.",
            ),
            (
                "pain",
                "Apa yang paling bikin kesel sama paket yang sekarang?",
                "Kuota utamanya kecil banget, yang gede itu kuota malam sama kuota aplikasi. Siapa yang mau begadang cuma buat ngabisin kuota jam satu sampai jam lima pagi?",
            ),
            (
                "pain",
                "Pernah ada masalah lain?",
                "Pulsa sering kesedot, padahal aku nggak pernah daftar apa-apa. Tiba-tiba lima ribu ilang, katanya langganan konten.",
            ),
            (
                None,
                "Temen-temen kos kamu pakai provider apa?",
                "Macem-macem. Temen sekamarku pakai yang kuning, katanya di kampus sinyalnya lebih kenceng, tapi dia juga ngeluh mahal.",
            ),
            (
                None,
                "Kalau soal kecepatan, penting nggak buat kamu?",
                "Nggak terlalu sih. Aku nggak main game, paling buka Zoom, Instagram, sama nonton drakor di resolusi rendah.",
            ),
            (
                "objection",
                "Kenapa nggak pindah aja ke provider yang lebih murah?",
                "Pernah mau, tapi promonya ternyata cuma buat pelanggan baru. Ribet, harus beli kartu perdana terus, dan nomor lama nanti hilang.",
            ),
            (
                "mindset",
                "Kamu orangnya gimana kalau soal belanja?",
                "Aku tipe yang nggak mau rugi. Nungguin flash sale, pakai cashback, pokoknya nggak pernah beli harga normal.",
            ),
            (
                "channel",
                "Biasanya tahu promo dari mana?",
                "Dari TikTok sama grup WhatsApp angkatan. Ada yang suka share info kuota murah hari ini, langsung aku cek.",
            ),
            (
                "channel",
                "Kalau dari aplikasinya sendiri?",
                "Kadang ada notif promo di aplikasi, yang khusus untukmu itu. Lumayan, kadang lebih murah dari konter.",
            ),
            (
                None,
                "Oke, ada yang mau ditambahin?",
                "Udah sih, Mbak. Semoga ada paket mahasiswa yang beneran murah, hehe.",
            ),
        ],
    },
    {
        "id": "t03",
        "format": "srt",
        "language": "vi",
        "interviewer": "PV",
        "speaker": "Linh",
        "persona": "hunter",
        "turns": [
            (
                None,
                "Chào Linh, em nghe rõ không?",
                "Dạ em nghe rõ ạ. Em đang ở thư viện nên nói hơi nhỏ, chị thông cảm nha.",
            ),
            (
                None,
                "Em giới thiệu một chút về mình đi.",
                "Em học năm ba ngành kinh tế ở Hà Nội, quê em ở Nam Định. Buổi tối em đi làm thêm ở quán trà sữa.",
            ),
            (
                "goal",
                "Khi chọn gói cước thì em quan tâm nhất điều gì?",
                "Chắc chắn là giá ạ. Em muốn gói nào nhiều data nhất mà giá rẻ nhất, kiểu 120 nghìn mà được 4GB một ngày là quá ổn.",
            ),
            (
                "pain",
                "Có gì làm em khó chịu với nhà mạng không?",
                "Có chứ. Tháng trước em bị trừ tiền mấy lần vì dịch vụ gì đó mà em không hề đăng ký, gọi lên tổng đài thì họ bảo em tự hủy đi.",
            ),
            (
                "pain",
                "Còn gì nữa không em?",
                "Data hết nhanh lắm, nhất là tuần thi phải xem video bài giảng. Hết data là mạng chậm như rùa, phải mua thêm gói ngày.",
            ),
            (
                None,
                "Bạn bè em thì sao?",
                "Mấy đứa cùng phòng em toàn dùng sim sinh viên, có đứa còn dùng hai sim để săn khuyến mãi.",
            ),
            (
                None,
                "Tốc độ mạng có quan trọng với em không?",
                "Cũng không quan trọng lắm đâu ạ. Em chủ yếu lướt Facebook, nhắn Zalo, thỉnh thoảng xem TikTok thôi.",
            ),
            (
                "objection",
                "Điều gì khiến em chưa chuyển sang mạng khác?",
                "Em sợ đổi mạng phải đổi số, mà số này em dùng từ hồi cấp ba, tài khoản ngân hàng với ví MoMo đều gắn với nó.",
            ),
            (
                "objection",
                "Em có tin mấy quảng cáo gói cước không?",
                "Không tin lắm. Quảng cáo ghi miễn phí data nhưng đọc kỹ thì chỉ miễn phí cho vài ứng dụng, hoặc chỉ áp dụng cho thuê bao mới.",
            ),
            (
                "mindset",
                "Em tự thấy mình là người tiêu dùng thế nào?",
                "Em hơi ki bo một tí, hihi. Cái gì cũng phải so sánh giá, có mã giảm giá mới mua.",
            ),
            (
                "channel",
                "Em thường biết đến các gói khuyến mãi qua đâu?",
                "Chủ yếu qua mấy group Facebook săn sale, với TikTok. Có mấy bạn review gói cước, so sánh giá các nhà mạng rất chi tiết.",
            ),
            (
                "channel",
                "Còn tin nhắn từ nhà mạng thì sao?",
                "Tin nhắn khuyến mãi thì em nhận suốt, có lần thấy gói ưu đãi rẻ là em đăng ký luôn qua tin nhắn.",
            ),
            (
                None,
                "Cảm ơn em nhé. Em còn muốn nói gì thêm không?",
                "Dạ không ạ. Em phải chạy đi làm ca tối rồi, chào chị ạ.",
            ),
        ],
    },
    {
        "id": "t04",
        "format": "vtt",
        "language": "en",
        "interviewer": "Interviewer",
        "speaker": "Aaron",
        "persona": "streamer",
        "turns": [
            (
                None,
                "Hey Aaron, thanks for hopping on. Is this still a good time?",
                "Yeah, all good. I just finished a ranked match so I'm still a bit hyped, sorry.",
            ),
            (
                None,
                "What do you do when you're not gaming?",
                "I'm a QA tester at a game studio in Cyberjaya, so it's games all day really. I live in Puchong with my parents and my younger brother.",
            ),
            (
                "goal",
                "What do you need most from your mobile plan?",
                "Low ping, that's number one. In Mobile Legends a spike to 200 ms and you're dead, so I want a connection that's stable more than one that's just fast on a speed test.",
            ),
            (
                "goal",
                "And beyond ping?",
                "Good 4G everywhere I go, or 5G if they have it. I stream on the LRT sometimes, and I want it to hold up between stations, not just in the city centre.",
            ),
            (
                "pain",
                "What was the worst part of your old plan?",
                "The lag in the evenings. Eight to eleven, when everyone's home, the ping just jumps all over the place.",
            ),
            (
                "pain",
                "Anything else?",
                "They called it unlimited, but after 100 gigs they throttled me down to like 3 Mbps. That's not unlimited, that's a trap.",
            ),
            (
                None,
                "Does your family use the same network?",
                "My dad's still on the old network, he only uses WhatsApp and calls. He thinks I'm crazy for paying this much.",
            ),
            (
                "mindset",
                "How much does price matter to you?",
                "Price isn't really the issue for me, to be honest. I'd rather pay a bit more than deal with lag.",
            ),
            (
                "objection",
                "What would make you hesitate to switch networks?",
                "Coverage maps lie. I'm not switching until I've tested the signal in my house and at the office myself, because one bar in my room is a deal breaker.",
            ),
            (
                "mindset",
                "How would you describe yourself as a user?",
                "I'm a bit of a nerd about it. I run speed tests in every new place, I've got a spreadsheet of ping results from three networks.",
            ),
            (
                None,
                "A spreadsheet, really?",
                "Yeah, my friends laugh at me. Anyway, it came in handy once when I had to argue about a refund.",
            ),
            (
                "channel",
                "How did you hear about the network you're on now?",
                "A YouTube review, one of those guys who drives around KL doing speed tests on every network. Then I checked the thread on the Lowyat forum.",
            ),
            (
                "channel",
                "Anyone else influence you?",
                "My squad on Discord. We play together every night, so if someone's ping looks better, we ask what they're using.",
            ),
            (
                None,
                "Anything else you want to add?",
                "Nope, that's it. Good luck with the research.",
            ),
        ],
    },
    {
        "id": "t05",
        "format": "srt",
        "language": "id",
        "interviewer": "Pewawancara",
        "speaker": "Bayu",
        "persona": "streamer",
        "turns": [
            (
                None,
                "Mas Bayu, udah siap? Suaranya kedengeran?",
                "Siap, Mas. Kedengeran jelas. Bentar, saya matiin kipas dulu biar nggak berisik.",
            ),
            (
                None,
                "Boleh kenalan dulu?",
                "Saya Bayu, 24 tahun, kerja di gudang ekspedisi di Cikarang, shift pagi. Malamnya streaming game di YouTube, subscribernya baru tiga ribuan sih.",
            ),
            (
                "goal",
                "Buat streaming, apa yang paling kamu butuhin dari provider?",
                "Sinyal yang stabil, Mas, upload-nya juga harus kenceng. Kalau live terus putus-putus, penonton langsung kabur.",
            ),
            (
                "goal",
                "Paket yang kamu cari kayak gimana?",
                "Yang unlimited beneran, tanpa FUP. Saya sebulan bisa habis 300 giga lebih.",
            ),
            (
                "pain",
                "Masalah apa yang sering kamu alami?",
                "Ping suka naik turun pas main PUBG, apalagi jam tujuh malam. Kadang dari 30 langsung 400, auto kalah.",
            ),
            (
                "pain",
                "Ada lagi?",
                "Di rumah sinyalnya cuma dua bar, HP harus ditaruh di jendela. Di KRL juga sering hilang total.",
            ),
            (
                None,
                "Keluarga di rumah pakai provider yang sama?",
                "Nggak, ibu saya pakai yang merah, katanya di kampung lebih ada sinyalnya. Adik saya numpang WiFi tetangga, hehe.",
            ),
            (
                "pain",
                "Pernah kena throttle?",
                "Sering. Katanya unlimited, tapi abis 50 GB kecepatannya dipotong jadi lemot banget, buka YouTube aja muter-muter.",
            ),
            (
                "mindset",
                "Harga penting nggak buat kamu?",
                "Nggak terlalu, yang penting lancar. Kalau murah tapi lemot ya buat apa.",
            ),
            (
                "objection",
                "Apa yang bikin kamu ragu pindah provider?",
                "Takut sinyalnya di daerah saya jelek. Iklannya bilang 5G, tapi di Bekasi pinggiran gini paling dapat 4G, itu pun kadang H+.",
            ),
            (
                "mindset",
                "Kamu orangnya gimana soal teknologi?",
                "Saya suka ngulik. Tiap ganti kartu pasti saya tes pakai Speedtest dulu, screenshot, terus bandingin.",
            ),
            (
                "channel",
                "Tahu provider ini dari mana?",
                "Dari review YouTuber yang tes ping di beberapa kota. Terus di grup Discord komunitas PUBG juga banyak yang rekomendasiin.",
            ),
            (
                None,
                "Terakhir, ada yang mau disampaikan?",
                "Udah, Mas. Eh iya, saya harus siap-siap, jam delapan mau live.",
            ),
        ],
    },
    {
        "id": "t06",
        "format": "txt",
        "language": "vi",
        "interviewer": "Người phỏng vấn",
        "speaker": "Khoa",
        "persona": "streamer",
        "turns": [
            (
                None,
                "Chào Khoa, em đang ở đâu vậy?",
                "Dạ em đang ở nhà ở Thủ Đức anh. Hôm nay em được nghỉ nên rảnh cả buổi.",
            ),
            (
                None,
                "Em làm nghề gì?",
                "Em làm kỹ thuật viên sửa điện thoại, tối về thì stream Liên Quân trên Facebook với TikTok, cũng được mấy nghìn người theo dõi.",
            ),
            (
                "goal",
                "Em cần gì nhất ở một gói cước?",
                "Mạng phải ổn định anh ơi, ping thấp. Đang combat mà lag một giây là thua cả trận.",
            ),
            (
                "goal",
                "Còn gì khác không?",
                "Em muốn gói không giới hạn thật sự, không bóp băng thông. Một tháng em dùng cả trăm GB chứ ít gì.",
            ),
            (
                "pain",
                "Em hay gặp vấn đề gì?",
                "Tối nào tầm 9 giờ mạng cũng chập chờn, ping nhảy lên mấy trăm. Stream mà hình cứ đứng là người xem thoát hết.",
            ),
            (
                "pain",
                "Có lần nào bị bóp băng thông chưa?",
                "Rồi anh. Gói không giới hạn mà dùng hết 4GB mỗi ngày là tốc độ xuống còn mấy trăm kbps, coi như không dùng được.",
            ),
            (
                None,
                "Gia đình em dùng mạng gì?",
                "Ba mẹ em dùng cáp quang ở nhà, còn ông anh em thì chỉ xài sim gọi điện thôi, ổng không quan tâm mấy cái này.",
            ),
            (
                "objection",
                "Điều gì làm em ngại chuyển mạng?",
                "Em ngại nhất là sóng. Quảng cáo nói phủ 5G khắp thành phố, mà ra ngoại thành là rớt xuống 4G, có chỗ còn mất sóng.",
            ),
            (
                "mindset",
                "Giá cả thì sao?",
                "Giá thì em không quá để ý. Mắc hơn vài chục nghìn cũng được, miễn là mượt.",
            ),
            (
                "mindset",
                "Em có hay tự kiểm tra tốc độ không?",
                "Có chứ, em đo Speedtest gần như mỗi ngày, chỗ nào mạnh chỗ nào yếu em nhớ hết.",
            ),
            (
                "channel",
                "Em biết đến nhà mạng hiện tại qua đâu?",
                "Em xem mấy clip review trên YouTube, người ta đo tốc độ 5G ở từng quận. Với lại trong group game thủ trên Facebook mọi người cũng hay so sánh.",
            ),
            (
                "channel",
                "Có ai giới thiệu cho em không?",
                "Thằng bạn chơi chung team giới thiệu, nó xài trước rồi thấy ping ổn nên rủ em.",
            ),
            (
                None,
                "Cảm ơn em nhiều nha.",
                "Dạ không có gì anh. Có gì anh cứ nhắn Zalo em nhé.",
            ),
        ],
    },
    {
        "id": "t07",
        "format": "srt",
        "language": "en",
        "interviewer": "Interviewer",
        "speaker": "Marites",
        "persona": "seller",
        "turns": [
            (
                None,
                "Good afternoon, Marites. Is this an okay time?",
                "Yes, it's fine, my helper is watching the stall. I'm just packing some orders while we talk, if that's okay.",
            ),
            (
                None,
                "Of course. What do you sell?",
                "Homemade chili garlic and dried fish, mostly. I started during the pandemic in our kitchen, now I have a small stall in front of the house and an online shop.",
            ),
            (
                "goal",
                "What do you need most from your mobile network?",
                "My number has to be online the whole day. Customers message me on WhatsApp and Messenger to order, and if I reply two hours late they already bought from someone else.",
            ),
            (
                "goal",
                "Anything else?",
                "A signal that's reliable when I do live selling on Shopee. One hour of live is my best sales of the week.",
            ),
            (
                "pain",
                "What problems have you run into?",
                "Last month the network went down for almost a whole afternoon during the 11.11 sale. I lost I think thirty orders, and nobody told us anything.",
            ),
            (
                "pain",
                "How was it dealing with customer service?",
                "Terrible. You call the hotline and it's a bot, press one, press two, then you wait forty minutes for a person who just says they'll escalate it.",
            ),
            (
                None,
                "Do other sellers you know have the same problem?",
                "My neighbor sells ukay-ukay online, she has two phones on two networks just in case. Her husband set it up for her.",
            ),
            (
                "objection",
                "Have you thought about switching to another network?",
                "I thought about it, but all my customers know this number. It's printed on my labels and my Facebook page, so changing is not an option for me.",
            ),
            (
                "objection",
                "What about their business plans?",
                "They offered me a business postpaid, but it's a 24-month lock-in and they wanted my DTI permit, my ID and proof of billing. Too much paperwork for a small seller like me.",
            ),
            (
                None,
                "Is price important to you?",
                "Price, not so much, as long as it's not crazy. Five hundred a month is okay.",
            ),
            (
                "mindset",
                "How would you describe yourself as a business owner?",
                "My phone is my store, really. If the phone is down, the business is down, so I don't take chances.",
            ),
            (
                "channel",
                "Where did you hear about your current plan?",
                "From the sales agent at the mall kiosk, she explained everything. And in our Facebook group for online sellers, people share which network is okay for live selling.",
            ),
            (
                None,
                "Thank you so much, Marites.",
                "You're welcome! Sorry for the noise, the tricycle outside is so loud.",
            ),
        ],
    },
    {
        "id": "t08",
        "format": "txt",
        "language": "id",
        "interviewer": "Pewawancara",
        "speaker": "Bu Sri",
        "persona": "seller",
        "title": "Transkrip wawancara - Bu Sri (Surabaya), 12 Juni 2025",
        "turns": [
            (
                None,
                "Selamat siang, Bu Sri. Lagi sibuk nggak?",
                "Siang, Mbak. Nggak apa-apa, adonan lagi dikukus, jadi saya bisa ngobrol sebentar.",
            ),
            (
                None,
                "Usahanya apa, Bu?",
                "Saya jualan kue basah sama frozen food, Mbak. Sudah tujuh tahun, dibantu anak saya yang nomor dua. Suami saya sopir travel, jarang di rumah.",
            ),
            (
                "goal",
                "Dari provider, Ibu paling butuh apa?",
                "Yang penting WhatsApp jalan terus dari subuh sampai malam, Mbak. Pesanan masuk lewat WA semua, kalau telat bales pelanggan pindah ke yang lain.",
            ),
            (
                "goal",
                "Selain itu?",
                "Sinyal di pasar juga harus ada. Saya tiap Minggu buka lapak di pasar, pembeli bayar pakai QRIS, kalau sinyal hilang ya repot.",
            ),
            (
                "pain",
                "Pernah ada kejadian yang bikin rugi?",
                "Pernah, waktu Lebaran kemarin jaringan down setengah hari. Pesanan kue kering numpuk di WA tapi nggak kekirim, banyak yang batal.",
            ),
            (
                "pain",
                "Kalau lapor ke CS gimana?",
                "Wah, CS-nya muter-muter. Chat di aplikasi dijawab bot terus, ditanya nomor tiket, disuruh nunggu 3x24 jam, padahal saya butuhnya hari itu.",
            ),
            (
                None,
                "Anak Ibu juga pakai provider yang sama?",
                "Anak saya pakai yang lain, Mbak, yang murah buat main TikTok. Katanya sinyalnya di sekolah lebih bagus.",
            ),
            (
                "objection",
                "Pernah kepikiran ganti provider?",
                "Kepikiran, tapi nomor ini sudah saya pakai dari 2012. Semua pelanggan simpan nomor ini, di stiker kemasan juga ada, masa harus ganti.",
            ),
            (
                "objection",
                "Kalau paket bisnis atau pascabayar?",
                "Pernah ditawari pascabayar, tapi harus kontrak setahun dan pakai NPWP segala. Saya nggak ngerti urusan begitu, takut nanti tagihannya membengkak.",
            ),
            (
                None,
                "Soal kecepatan internet, penting nggak, Bu?",
                "Nggak perlu yang kencang-kencang banget sih. Saya nggak nonton film, cuma WA, Shopee, sama kirim foto kue.",
            ),
            (
                "mindset",
                "Ibu orangnya gimana kalau soal usaha?",
                "HP ini ibaratnya toko saya, Mbak. Kalau HP mati, ya toko tutup.",
            ),
            (
                "channel",
                "Ibu dengar soal paket yang sekarang dari mana?",
                "Dari grup WA paguyuban UMKM di kelurahan. Ada yang share paket khusus pedagang, terus saya tanya ke gerai Orbi di mal.",
            ),
            (
                None,
                "Terima kasih banyak, Bu.",
                "Sama-sama, Mbak. Nanti kalau mampir Surabaya, cobain lapis legit saya ya.",
            ),
        ],
    },
    {
        "id": "t09",
        "format": "vtt",
        "language": "vi",
        "interviewer": "Người phỏng vấn",
        "speaker": "Hằng",
        "persona": "seller",
        "voice_tags": True,
        "turns": [
            (
                None,
                "Chào chị Hằng, chị nghe em rõ không ạ?",
                "Chị nghe rõ em ơi. Chị vừa chốt đơn xong, còn mấy đơn chưa đóng gói nên chị vừa nói vừa làm nha.",
            ),
            (
                None,
                "Chị kinh doanh gì ạ?",
                "Chị bán quần áo nữ, chủ yếu online qua Zalo, Facebook với Shopee. Trước chị làm kế toán cho một công ty du lịch, nghỉ từ hồi dịch.",
            ),
            (
                "goal",
                "Chị cần gì nhất từ nhà mạng?",
                "Quan trọng nhất là mạng không được rớt khi chị livestream. Mỗi tối chị live hai tiếng, rớt mạng giữa chừng là mất khách.",
            ),
            (
                "goal",
                "Còn gì nữa không chị?",
                "Số điện thoại phải liên lạc được suốt, vì khách gọi với nhắn Zalo đặt hàng cả ngày.",
            ),
            (
                "pain",
                "Chị từng gặp sự cố gì chưa?",
                "Có, hôm đứt cáp quang biển mạng chậm cả tuần, livestream cứ giật, đơn giảm gần một nửa.",
            ),
            (
                "pain",
                "Chị có gọi tổng đài không?",
                "Gọi rồi, chờ cả nửa tiếng mới gặp nhân viên, mà họ chỉ xin lỗi rồi bảo chờ khắc phục.",
            ),
            (
                None,
                "Mấy chị bán hàng khác thì sao?",
                "Con bạn chị bán mỹ phẩm, nó xài hai sim hai mạng, mạng này rớt thì chuyển qua mạng kia.",
            ),
            (
                "objection",
                "Chị có định đổi nhà mạng không?",
                "Chị không dám đổi số đâu. Khách quen lưu số này hết rồi, in trên túi giao hàng luôn.",
            ),
            (
                "objection",
                "Gói doanh nghiệp thì chị thấy sao?",
                "Nhân viên có mời chị đăng ký gói doanh nghiệp, nhưng phải ký hợp đồng, phải có giấy phép kinh doanh, chị thấy rườm rà quá.",
            ),
            (
                None,
                "Giá gói cước có là vấn đề không chị?",
                "Giá thì không phải vấn đề lớn với chị. Hai ba trăm nghìn một tháng chị trả được.",
            ),
            (
                "mindset",
                "Chị tự thấy mình là người thế nào trong kinh doanh?",
                "Với chị, cái điện thoại là cả cửa hàng. Mất mạng một buổi là mất tiền thật.",
            ),
            (
                "channel",
                "Chị biết gói hiện tại qua đâu?",
                "Qua nhóm Zalo của mấy chị em bán hàng online, mọi người hay chia sẻ mạng nào live ổn. Rồi chị ra cửa hàng giao dịch hỏi nhân viên thêm.",
            ),
            (
                None,
                "Em cảm ơn chị nhiều ạ.",
                "Ừ, không có gì em. Thôi chị đi giao hàng đây.",
            ),
        ],
    },
]

SURVEY_COLUMNS = [
    "respondent_id",
    "submitted_at",
    "age_band",
    "city",
    "plan",
    "What matters most to you in a data package?",
    "What makes you hesitate to switch operators or upgrade your package?",
    "How do you usually find out about new packages?",
]
Q_KINDS = ("goal", "barrier", "channel")

# Persona-specific answers: persona -> language -> question -> [(theme, fragment), ...]. Typos,
# chat spelling and mixed languages are part of the fragments, as respondents wrote them.
POOLS: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {
    "hunter": {
        "en": {
            "goal": [
                ("data-value", "Most GB for the lowest price"),
                ("data-value", "cheap per GB"),
                ("data-value", "Big data for a small budget"),
                ("quota-lasts", "Data that lasts until the end of the month"),
                ("quota-lasts", "no expiry on unused data"),
                ("quota-lasts", "leftover data rolls over to next month"),
                ("data-value", "cheapest promo i can find"),
                ("quota-lasts", "30 days validity not 7"),
                ("data-value", "value for money, im a student"),
                ("quota-runs-out", "my data always runs out in 2 weeks"),
            ],
            "barrier": [
                ("too-expensive", "bigger plans are too pricey"),
                ("too-expensive", "the 50GB one costs double, not worth it"),
                ("promo-fine-print", "promos are only for new SIMs"),
                ("promo-fine-print", "too many conditions in the fine print"),
                ("keep-number", "my bank OTP is on this number"),
                ("promo-fine-print", "half the data is only for specific apps"),
                ("hidden-charges", "load keeps getting deducted for stuff I never subscribed to"),
                ("too-expensive", "price"),
            ],
            "channel": [
                ("social-promos", "TikTok promo videos"),
                ("social-promos", "Facebook promo groups"),
                ("app-sms", "SMS promos"),
                ("app-sms", "the app-only deals"),
                ("word-of-mouth", "classmates share promo codes in our group chat"),
                ("social-promos", "IG ads"),
                ("app-sms", "push notifs from the app"),
            ],
        },
        "id": {
            "goal": [
                ("data-value", "kuota gede harga murah"),
                ("data-value", "Harga per GB paling murah"),
                ("data-value", "murah tp kuotanya banyak"),
                ("quota-lasts", "kuota awet sampe akhir bulan"),
                ("quota-lasts", "Masa aktif panjang, jangan 7 hari doang"),
                ("quota-lasts", "sisa kuota bisa diakumulasi ke bulan depan"),
                ("data-value", "yg paling murah aja"),
                ("data-value", "Murah meriah, kuota full 24 jam"),
                ("quota-runs-out", "kuota cepet bgt abisnya"),
                ("data-value", "harganya terjangkau buat mahasiswa"),
                ("quota-lasts", "kuota nggak hangus"),
                ("data-value", "murah tp worth it"),
            ],
            "barrier": [
                ("too-expensive", "paket gede kemahalan"),
                ("too-expensive", "harga naik terus"),
                ("promo-fine-print", "promonya cuma buat pelanggan baru"),
                ("promo-fine-print", "kuotanya kebanyakan kuota malam sama kuota apps"),
                ("keep-number", "nomor udah nyambung ke m-banking"),
                ("hidden-charges", "pulsa suka kesedot"),
                ("promo-fine-print", "syarat dan ketentuan berlaku mulu"),
                ("too-expensive", "mahal"),
                ("keep-number", "males ganti nomor"),
            ],
            "channel": [
                ("social-promos", "TikTok"),
                ("social-promos", "grup FB info promo kuota"),
                ("app-sms", "SMS promo dari operator"),
                ("app-sms", "notif aplikasi MyOrbi"),
                ("word-of-mouth", "dikasih tau temen kampus"),
                ("social-promos", "iklan di IG"),
                ("social-promos", "akun base promo di X"),
            ],
        },
        "vi": {
            "goal": [
                ("data-value", "Giá rẻ mà nhiều data"),
                ("data-value", "rẻ nhất có thể"),
                ("data-value", "nhiều GB, giá sinh viên"),
                ("quota-lasts", "data dùng được hết tháng"),
                ("quota-lasts", "data thừa được cộng dồn sang tháng sau"),
                ("data-value", "gói rẻ, data nhiều là ok"),
                ("quota-runs-out", "data hết nhanh quá"),
                ("data-value", "giá hợp lý"),
                ("quota-lasts", "hạn dùng dài"),
            ],
            "barrier": [
                ("too-expensive", "gói lớn đắt quá"),
                ("promo-fine-print", "khuyến mãi chỉ cho thuê bao mới"),
                ("promo-fine-print", "nhiều điều kiện quá"),
                ("keep-number", "ngại đổi số vì gắn với ngân hàng"),
                ("hidden-charges", "hay bị trừ tiền vô lý"),
                ("too-expensive", "giá tăng"),
                ("too-expensive", "đắt"),
            ],
            "channel": [
                ("social-promos", "TikTok"),
                ("social-promos", "group săn sale trên Facebook"),
                ("app-sms", "tin nhắn khuyến mãi của nhà mạng"),
                ("app-sms", "thông báo trên app"),
                ("word-of-mouth", "bạn bè rủ"),
                ("social-promos", "xem review trên TikTok"),
            ],
        },
    },
    "streamer": {
        "en": {
            "goal": [
                ("fast-stable", "Low ping for gaming"),
                ("fast-stable", "stable speed at night"),
                ("fast-stable", "fast upload for streaming"),
                ("no-cap", "Truly unlimited, no throttling"),
                ("no-cap", "no FUP"),
                ("coverage", "5G coverage in my area"),
                ("coverage", "good signal on the train"),
                ("fast-stable", "speed that doesnt drop when everyone is online"),
                ("lag-drops", "lag spikes ruin my games"),
                ("throttling", "got throttled after 40GB, never again"),
            ],
            "barrier": [
                ("coverage-doubt", "not sure the coverage is good where I live"),
                ("coverage-doubt", "5G isn't in my area yet"),
                ("throttling", "unlimited that gets throttled after a cap"),
                ("coverage-doubt", "coverage maps always look better than reality"),
                ("lag-drops", "ping spikes at night"),
                ("coverage-doubt", "need to test the signal at home first"),
            ],
            "channel": [
                ("reviews-communities", "YouTube speed test reviews"),
                ("reviews-communities", "Discord gaming squad"),
                ("reviews-communities", "Reddit threads"),
                ("reviews-communities", "forums like Lowyat"),
                ("word-of-mouth", "teammates recommended it"),
                ("reviews-communities", "tech YouTubers"),
            ],
        },
        "id": {
            "goal": [
                ("fast-stable", "ping stabil buat ngegame"),
                ("fast-stable", "Sinyal kenceng & stabil"),
                ("fast-stable", "upload kenceng buat live"),
                ("no-cap", "unlimited beneran tanpa FUP"),
                ("no-cap", "Gak ada batas kecepatan"),
                ("coverage", "Jaringan 5G di daerahku"),
                ("coverage", "sinyal kuat di dalam rumah"),
                ("lag-drops", "ping suka loncat2 pas mabar"),
                ("fast-stable", "yg penting ga lag"),
                ("fast-stable", "ping low, no lag pokoknya"),
                ("throttling", "jangan di-throttle abis 50GB"),
            ],
            "barrier": [
                ("coverage-doubt", "takut sinyal di rumah jelek"),
                ("coverage-doubt", "5G blm nyampe daerahku"),
                ("throttling", "unlimited tp di-throttle"),
                ("throttling", "kena FUP trs lemot"),
                ("lag-drops", "ping naik turun"),
                ("coverage-doubt", "ragu sama klaim 5G nya"),
            ],
            "channel": [
                ("reviews-communities", "review YouTube tes sinyal"),
                ("reviews-communities", "grup discord mabar"),
                ("reviews-communities", "forum Kaskus"),
                ("word-of-mouth", "temen mabar rekomendasiin"),
                ("reviews-communities", "YouTuber teknologi"),
            ],
        },
        "vi": {
            "goal": [
                ("fast-stable", "Ping thấp, chơi game không lag"),
                ("fast-stable", "mạng ổn định buổi tối"),
                ("fast-stable", "tốc độ upload cao để livestream"),
                ("no-cap", "không giới hạn thật, không bóp băng thông"),
                ("coverage", "sóng 5G phủ rộng"),
                ("coverage", "sóng mạnh trong nhà"),
                ("lag-drops", "chơi game hay bị giật lag"),
                ("no-cap", "data không giới hạn"),
                ("fast-stable", "ping ổn định, không lag"),
            ],
            "barrier": [
                ("coverage-doubt", "sợ sóng yếu ở khu mình"),
                ("coverage-doubt", "chưa có 5G chỗ em ở"),
                ("throttling", "bị bóp băng thông sau khi hết dung lượng"),
                ("lag-drops", "buổi tối lag"),
                ("coverage-doubt", "không tin quảng cáo phủ sóng"),
            ],
            "channel": [
                ("reviews-communities", "clip review đo tốc độ trên YouTube"),
                ("reviews-communities", "group game thủ trên Facebook"),
                ("reviews-communities", "diễn đàn Voz"),
                ("word-of-mouth", "bạn chơi game chung giới thiệu"),
                ("reviews-communities", "xem streamer review"),
            ],
        },
    },
    "seller": {
        "en": {
            "goal": [
                ("reachable", "My number online 24/7 for customer orders"),
                ("reachable", "WhatsApp that never goes down"),
                ("reachable", "customers can always reach me"),
                ("fast-stable", "stable signal for live selling"),
                ("coverage", "signal at the market where I sell"),
                ("outage-lost-orders", "outages cost me orders"),
                ("reachable", "reliable line for my online shop"),
                ("fast-stable", "reliable connection for Shopee live"),
            ],
            "barrier": [
                ("keep-number", "customers know my number, can't change it"),
                ("keep-number", "my number is printed on all my labels"),
                ("contract-lockin", "business plans need a 2-year contract"),
                ("contract-lockin", "too much paperwork for a business account"),
                ("bad-support", "customer service is just a bot"),
                ("outage-lost-orders", "lost orders during an outage"),
                ("bad-support", "no one to call when the network is down"),
            ],
            "channel": [
                ("seller-communities", "online sellers' Facebook group"),
                ("seller-communities", "other sellers in our Viber group"),
                ("store-staff", "the sales agent at the mall"),
                ("store-staff", "asked the staff at the Orbi store"),
                ("seller-communities", "Shopee seller forum"),
                ("seller-communities", "my supplier told me"),
            ],
        },
        "id": {
            "goal": [
                ("reachable", "WA lancar terus buat terima orderan"),
                ("reachable", "nomor selalu aktif biar pembeli bisa hubungi"),
                ("fast-stable", "Sinyal stabil waktu live jualan"),
                ("coverage", "sinyal di pasar harus ada"),
                ("reachable", "Koneksi nggak putus, soalnya buat jualan online"),
                ("outage-lost-orders", "kalo gangguan orderan hilang"),
                ("reachable", "buat usaha, harus online trs"),
                ("fast-stable", "internet stabil buat live Shopee/TikTok shop"),
            ],
            "barrier": [
                ("keep-number", "pelanggan udah simpan nomor ini"),
                ("keep-number", "nomor udah di stiker kemasan"),
                ("contract-lockin", "paket bisnis harus kontrak"),
                ("contract-lockin", "ribet pakai NPWP & dokumen"),
                ("bad-support", "CS lambat bgt"),
                ("bad-support", "komplain dijawab bot terus"),
                ("outage-lost-orders", "pernah gangguan pas lagi rame orderan"),
            ],
            "channel": [
                ("seller-communities", "grup WA UMKM"),
                ("seller-communities", "komunitas seller Shopee"),
                ("store-staff", "ditawarin sales di gerai"),
                ("store-staff", "tanya di gerai Orbi"),
                ("seller-communities", "dari sesama pedagang di pasar"),
                ("store-staff", "mbak2 SPG di mall"),
            ],
        },
        "vi": {
            "goal": [
                ("reachable", "Số luôn liên lạc được để khách đặt hàng"),
                ("reachable", "Zalo không bị gián đoạn"),
                ("fast-stable", "mạng ổn định để livestream bán hàng"),
                ("coverage", "sóng tốt ở chợ"),
                ("outage-lost-orders", "rớt mạng là mất đơn"),
                ("reachable", "mạng ổn định để chốt đơn cả ngày"),
                ("fast-stable", "live không bị giật"),
            ],
            "barrier": [
                ("keep-number", "khách quen lưu số này rồi"),
                ("contract-lockin", "gói doanh nghiệp phải ký hợp đồng"),
                ("contract-lockin", "thủ tục giấy tờ rườm rà"),
                ("bad-support", "tổng đài chờ lâu"),
                ("outage-lost-orders", "mất mạng là mất đơn"),
                ("keep-number", "sợ mất số"),
            ],
            "channel": [
                ("seller-communities", "nhóm Zalo bán hàng online"),
                ("seller-communities", "hội bán hàng trên Facebook"),
                ("store-staff", "nhân viên cửa hàng giao dịch tư vấn"),
                ("store-staff", "ra cửa hàng Orbi hỏi"),
                ("seller-communities", "mấy chị bán hàng cùng chợ chỉ"),
            ],
        },
    },
}

# Answers any persona gives (no persona signal): language -> question -> [(theme, fragment)].
SHARED: dict[str, dict[str, list[tuple[str, str]]]] = {
    "en": {
        "goal": [
            ("easy-topup", "easy to top up in the app"),
            ("data-value", "cheap"),
            ("coverage", "good signal"),
            ("fast-stable", "fast internet"),
            ("easy-topup", "easy to reload with GCash"),
            ("coverage", "strong signal everywhere"),
        ],
        "barrier": [
            ("too-expensive", "too expensive"),
            ("keep-number", "don't want to change my number"),
            ("bad-support", "bad customer service"),
            ("lag-drops", "signal keeps dropping"),
        ],
        "channel": [
            ("word-of-mouth", "friends"),
            ("word-of-mouth", "family"),
            ("app-sms", "text messages"),
            ("app-sms", "the app"),
            ("social-promos", "facebook"),
        ],
    },
    "id": {
        "goal": [
            ("easy-topup", "gampang isi ulang di aplikasi"),
            ("data-value", "murah"),
            ("coverage", "sinyal bagus"),
            ("fast-stable", "internet cepat"),
            ("easy-topup", "bisa beli paket lewat e-wallet"),
            ("data-value", "harga terjangkau"),
        ],
        "barrier": [
            ("too-expensive", "kemahalan"),
            ("keep-number", "ga mau ganti nomor"),
            ("bad-support", "CS nya jelek"),
            ("lag-drops", "sinyal suka ilang"),
        ],
        "channel": [
            ("word-of-mouth", "temen"),
            ("word-of-mouth", "dari keluarga"),
            ("app-sms", "SMS"),
            ("app-sms", "aplikasi"),
            ("social-promos", "IG"),
        ],
    },
    "vi": {
        "goal": [
            ("easy-topup", "nạp tiền dễ trên app"),
            ("data-value", "rẻ"),
            ("coverage", "sóng khỏe"),
            ("fast-stable", "mạng nhanh"),
            ("easy-topup", "mua gói qua MoMo tiện"),
        ],
        "barrier": [
            ("too-expensive", "giá cao"),
            ("keep-number", "không muốn đổi số"),
            ("bad-support", "chăm sóc khách hàng kém"),
            ("lag-drops", "sóng chỗ em hơi yếu"),
        ],
        "channel": [
            ("word-of-mouth", "bạn bè"),
            ("word-of-mouth", "người nhà"),
            ("app-sms", "tin nhắn"),
            ("app-sms", "app"),
            ("social-promos", "Facebook"),
        ],
    },
}

# No statement: bare package names, bare top-up outlets and wallets (where people buy, not how
# they find out), vague answers. language -> question -> [text].
NOISE: dict[str, dict[str, list[str]]] = {
    "en": {
        "goal": [
            "unlimited plan",
            "Orbi Max 30GB",
            "the 99 promo",
            "5G SIM",
            "prepaid",
            "10GB",
            "data",
        ],
        "barrier": ["not really", "hmm", "MyOrbi", "nothing so far", "the 50GB promo"],
        "channel": ["7-Eleven", "GCash", "Shopee", "Lazada", "sari-sari store"],
    },
    "id": {
        "goal": [
            "paket 30GB",
            "Combo Hemat 25GB",
            "kuota internet",
            "paket bulanan",
            "4G",
            "kartu perdana",
            "Orbi Max",
        ],
        "barrier": ["belum kepikiran", "biasa aja", "MyOrbi", "paket unlimited", "Shopee"],
        "channel": ["Indomaret", "Alfamart", "konter pulsa", "DANA", "Shopee", "Tokopedia"],
    },
    "vi": {
        "goal": ["gói 4G", "gói ORB90", "gói tháng", "sim 5G", "gói data", "ORB120"],
        "barrier": ["chưa nghĩ tới", "bình thường", "gói ORB90", "MyOrbi"],
        "channel": ["tạp hóa đầu ngõ", "MoMo", "Shopee", "ZaloPay", "đại lý sim"],
    },
}
SKIPPED = {
    "en": ["", "", "", "-", "n/a", "N/A", "nothing", "none", "idk", ".", "👍", "🤷‍♀️"],
    "id": ["", "", "", "-", "tidak ada", "gak ada", "ga tau", "tdk ada", "🙏", "😅"],
    "vi": ["", "", "", "-", "không có", "không", "ko biết", "chưa biết", "👍", "😅"],
}
# An occasional second sentence about the respondent's attitude (a mindset statement).
MINDSET: dict[str, dict[str, list[tuple[str, str]]]] = {
    "hunter": {
        "en": [
            ("deal-hunter", "I always hunt for promos"),
            ("deal-hunter", "I never pay full price lol"),
        ],
        "id": [
            ("deal-hunter", "aku emang pemburu promo"),
            ("deal-hunter", "selalu bandingin harga dulu"),
        ],
        "vi": [
            ("deal-hunter", "em toàn săn khuyến mãi"),
            ("deal-hunter", "luôn so giá trước khi mua"),
        ],
    },
    "streamer": {
        "en": [
            ("quality-first", "I'd pay more for a stable line"),
            ("quality-first", "I run speed tests all the time"),
        ],
        "id": [
            ("quality-first", "mending bayar lebih asal lancar"),
            ("quality-first", "aku sering tes speedtest"),
        ],
        "vi": [
            ("quality-first", "đắt hơn chút cũng được miễn mạng mượt"),
            ("quality-first", "ngày nào cũng đo speedtest"),
        ],
    },
    "seller": {
        "en": [
            ("phone-is-business", "my phone is my shop"),
            ("phone-is-business", "no signal = no sales"),
        ],
        "id": [
            ("phone-is-business", "HP ini modal usaha saya"),
            ("phone-is-business", "gak ada sinyal = gak ada duit"),
        ],
        "vi": [
            ("phone-is-business", "điện thoại là cửa hàng của tôi"),
            ("phone-is-business", "mất mạng là mất tiền"),
        ],
    },
}
JOIN = {
    "en": [", ", " and ", ". ", " + "],
    "id": [", ", " sama ", ". ", " & "],
    "vi": [", ", " và ", ". ", " + "],
}
EMOJI = [" 😅", " 🙏", " 😭", " 👍", " 🔥", " 😡", "!!"]
AGES = {
    "hunter": (["18-24", "25-34"], [8, 2]),
    "streamer": (["18-24", "25-34", "35-44"], [5, 4, 1]),
    "seller": (["25-34", "35-44", "45-54"], [4, 4, 2]),
}
CITIES = {
    "en": ["Manila", "Quezon City", "Cebu", "Davao", "Kuala Lumpur", "Penang"],
    "id": ["Jakarta", "Bekasi", "Surabaya", "Yogyakarta", "Bandung", "Medan"],
    "vi": ["Hà Nội", "TP.HCM", "Đà Nẵng", "Cần Thơ", "Hải Phòng"],
}
PER_PERSONA = 40
LANGUAGE_SHARE = {"id": 16, "vi": 12, "en": 12}
# Share of answer cells: skipped, noise (no statement), shared (no persona signal); the rest
# is persona-specific.
SKIP_SHARE, NOISE_SHARE, SHARED_SHARE = 0.14, 0.14, 0.22


STAMPED_TXT = {"t01", "t08"}


def fragment_themes() -> dict[str, str]:
    """Every survey pool fragment -> its theme (a fragment never has two themes)."""
    themes: dict[str, str] = {}
    pools = [SHARED[lang][q] for lang in LANGUAGES for q in Q_KINDS]
    pools += [POOLS[p][lang][q] for p in PERSONAS for lang in LANGUAGES for q in Q_KINDS]
    pools += [MINDSET[p][lang] for p in PERSONAS for lang in LANGUAGES]
    for pool in pools:
        for theme, fragment in pool:
            if themes.setdefault(fragment, theme) != theme:
                raise ValueError(f"fragment {fragment!r} has two themes")
    return themes


def _compose(rng: random.Random, persona: str, language: str, question: str):
    """One answer cell: (text, [(kind, fragment), ...]); no statement for skips and noise."""
    draw = rng.random()
    if draw < SKIP_SHARE:
        return rng.choice(SKIPPED[language]), []
    if draw < SKIP_SHARE + NOISE_SHARE:
        text = rng.choice(NOISE[language][question])
        return text + (rng.choice(EMOJI) if rng.random() < 0.1 else ""), []
    if draw < SKIP_SHARE + NOISE_SHARE + SHARED_SHARE:
        picked = [rng.choice(SHARED[language][question])]
    else:
        pool = POOLS[persona][language][question]
        picked = rng.sample(pool, 2 if rng.random() < 0.25 else 1)
    text = rng.choice(JOIN[language]).join(fragment for _theme, fragment in picked)
    if question != "channel" and rng.random() < 0.15:
        remark = rng.choice(MINDSET[persona][language])
        text = text.rstrip(".") + rng.choice([". ", ", ", " - "]) + remark[1]
        picked.append(remark)
    if rng.random() < 0.3:
        text += "."
    if rng.random() < 0.12:
        text += rng.choice(EMOJI)
    if rng.random() < 0.08:
        text = text.lower()
    return text, [(THEME_KIND[theme], fragment) for theme, fragment in picked]


def build_survey() -> list[dict]:
    """120 respondents, 40 per persona (16 Indonesian, 12 Vietnamese, 12 English); shuffled,
    then numbered."""
    rng = random.Random(SEED)
    people = [
        (persona, language)
        for persona in PERSONAS
        for language, count in LANGUAGE_SHARE.items()
        for _ in range(count)
    ]
    rng.shuffle(people)
    rows = []
    for number, (persona, language) in enumerate(people, start=1):
        ages, weights = AGES[persona]
        cells, segments = [], []
        for question in Q_KINDS:
            text, parts = _compose(rng, persona, language, question)
            cells.append(text)
            segments.append(parts)
        rows.append(
            {
                "id": f"r{number:03d}",
                "persona": persona,
                "language": language,
                "submitted_at": f"2025-06-{rng.randint(2, 20):02d} "
                f"{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}",
                "age_band": rng.choices(ages, weights=weights)[0],
                "city": rng.choice(CITIES[language]),
                "plan": "postpaid" if rng.random() < 0.12 else "prepaid",
                "answers": cells,
                "segments": segments,
            }
        )
    return rows


SURVEY = build_survey()
SURVEY_METADATA = ("age_band", "city", "plan")
"""Survey columns that are respondent metadata (for the oracle row of bench_personas.py)."""


def participant_languages() -> dict[str, str]:
    """Participant id -> language of their answers (interviewees and survey respondents)."""
    languages = {i["id"]: i["language"] for i in INTERVIEWS}
    languages.update({row["id"]: row["language"] for row in SURVEY})
    return languages


def _stamp(seconds: float, comma: bool) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"
    return text.replace(".", ",") if comma else text


def _split(text: str) -> list[str]:
    """Split long answers across two cues mid-sentence, as caption exports do."""
    words = text.split()
    if len(words) < 18:
        return [text]
    middle = len(words) // 2
    return [" ".join(words[:middle]), " ".join(words[middle:])]


def render(interview: dict) -> str:
    """txt (two with [hh:mm:ss] stamps, one with a title line), WebVTT (``Name:`` labels or
    ``<v Name>`` voice tags) or SRT with ``Name:`` labels."""
    turns = []
    for _kind, question, answer in interview["turns"]:
        turns.append((interview["interviewer"], question))
        turns.append((interview["speaker"], answer))
    fmt = interview["format"]
    stamped = interview["id"] in STAMPED_TXT
    clock = 3.0
    lines: list[str] = []
    if fmt == "vtt":
        lines.append("WEBVTT\n")
    if "title" in interview:
        lines.append(interview["title"] + "\n")
    cue = 0
    for speaker, text in turns:
        pieces = _split(text) if fmt in ("vtt", "srt") else [text]
        for piece in pieces:
            duration = 1.5 + 0.38 * len(piece.split())
            if fmt == "txt":
                if stamped:
                    minutes, secs = divmod(int(clock), 60)
                    lines.append(f"[00:{minutes:02d}:{secs:02d}] {speaker}: {piece}")
                else:
                    lines.append(f"{speaker}: {piece}\n")
            else:
                cue += 1
                start = _stamp(clock, fmt == "srt")
                end = _stamp(clock + duration, fmt == "srt")
                said = (
                    f"<v {speaker}>{piece}</v>"
                    if interview.get("voice_tags")
                    else f"{speaker}: {piece}"
                )
                lines.append(f"{cue}\n{start} --> {end}\n{said}\n")
            clock += duration + 0.7
    return "\n".join(lines).rstrip("\n") + "\n"


EXISTING_PERSONAS = {
    "document": "Orbi prepaid customer personas (SEA)",
    "version": "3.1",
    "market": ["PH", "MY", "ID", "VN"],
    "owner": {"team": "Consumer marketing", "contact": "insights@orbi.example"},
    "last_reviewed": "2025-05-20",
    "approved_by": ["Head of Prepaid", "Brand director"],
    "personas": [
        {
            "id": "P-SAVER",
            "name": "Saver Sari",
            "avatar": "img/personas/sari.png",
            "tagline": "Every gigabyte has to earn its price",
            "demographics": {"age": "18-26", "occupation": ["students", "entry-level workers"]},
            "gist": "Sari lives on a tight allowance and buys whichever data promo gives the most for the least.",
            "goals": [
                "The most gigabytes for the money",
                "Data that lasts until the end of the month",
                "International roaming packs for holidays abroad",
            ],
            "painPoints": ["Quota that runs out after two weeks"],
            "objections": [
                "Promos that only apply to new SIMs or to certain apps",
                "Losing the number her bank and e-wallet use",
            ],
            "channels": ["TikTok promo creators", "Facebook promo groups", "SMS and in-app offers"],
            "mindset": "Promo hunter who compares prices and keeps two SIMs",
            "kpis": {"arpu_usd": 2.4, "topups_per_month": 3.1, "churn_90d": 0.31},
            "tags": ["price-sensitive", "dual-SIM"],
            "notes": None,
        },
        {
            "id": "P-GAMER",
            "name": "Gamer Gilang",
            "avatar": "img/personas/gilang.png",
            "Demographics": "18-34, urban, mostly male, plays and streams every evening",
            "Description": "Gilang games and streams on mobile and judges a network by its ping.",
            "Motivations": [
                {
                    "text": "Low ping and a stable connection for games and streams",
                    "priority": "high",
                },
                {"text": "Strong 4G/5G coverage at home and on the commute", "priority": "high"},
                {"text": "Unlimited data without a cap", "priority": "medium"},
            ],
            "Frustrations": [{"text": "Lag and ping spikes in the evening", "priority": "high"}],
            "Concerns": [{"text": "Coverage claims that do not hold where he lives"}],
            "Where to reach them": [
                "YouTube speed-test reviews",
                "Gaming Discord servers",
                "Radio ads during the morning drive",
            ],
            "Values": ["Quality over price", "Runs his own speed tests"],
            "campaigns": [{"name": "Zero Lag Nights", "year": 2025, "ctr": 0.041}],
        },
        {
            "id": "P-SELLER",
            "name": "Seller Sinta",
            "avatar": "img/personas/sinta.png",
            "profile": {"business": "home-based food and fashion sellers", "staff": "1-3"},
            "summary": "Sinta runs her shop from her phone through WhatsApp, Zalo and marketplaces.",
            "goals": "A number that is always online for customer orders; A stable connection for live selling; A landline for the shop counter",
            "pain_points": [
                "Network outages during sales that cost orders",
                "Hotlines that are a chatbot and never solve anything",
            ],
            "barriers": ["Changing the number her customers know"],
            "where_to_reach_them": [
                "Seller groups on WhatsApp, Zalo and Facebook",
                "Staff at the Orbi store",
            ],
            "attitudes": ["Her phone is her shop"],
            "owner": "SME marketing",
        },
        {
            "id": "P-TRAVEL",
            "name": "Traveller Tomas",
            "avatar": "img/personas/tomas.png",
            "bio": "Tomas is a regional sales director who flies between Singapore, Bangkok and Sydney every week.",
            "needs": [
                "Roaming in twenty countries on one plan",
                "An eSIM he can activate at the airport",
            ],
            "frustrations": ["Bill shock after a week abroad"],
            "hesitations": ["No airport lounge partnership"],
            "media": ["In-flight magazines", "LinkedIn"],
            "beliefs": "Time on the road is time he cannot waste",
            "demographics": {"age": "40-55", "income": "top 5%"},
        },
    ],
}

ENRICH_TRUTH = {
    "persona_map": {"hunter": "P-SAVER", "streamer": "P-GAMER", "seller": "P-SELLER"},
    "unmatched_persona": "P-TRAVEL",
    "unsupported": [
        {"persona": "P-SAVER", "text": "International roaming packs for holidays abroad"},
        {"persona": "P-GAMER", "text": "Radio ads during the morning drive"},
        {"persona": "P-SELLER", "text": "A landline for the shop counter"},
    ],
    "missing_themes": [
        {
            "persona": "P-SAVER",
            "kind": "pain_point",
            "theme": "balance drained by hidden charges and content subscriptions",
            "cues": [
                "deducted",
                "disappears",
                "subscribed",
                "subscriptions",
                "kesedot",
                "langganan konten",
                "ilang",
                "trừ tiền",
                "không hề đăng ký",
            ],
        },
        {
            "persona": "P-GAMER",
            "kind": "pain_point",
            "theme": "speed throttled after a fair-usage cap",
            "cues": [
                "throttle",
                "throttled",
                "throttling",
                "fup",
                "cap",
                "di-throttle",
                "dipotong",
                "bóp băng thông",
                "kbps",
            ],
        },
        {
            "persona": "P-SELLER",
            "kind": "objection",
            "theme": "business plans with lock-in contracts and paperwork",
            "cues": [
                "contract",
                "lock-in",
                "paperwork",
                "permit",
                "kontrak",
                "npwp",
                "dokumen",
                "hợp đồng",
                "giấy phép",
                "giấy tờ",
                "thủ tục",
            ],
        },
    ],
}


def main() -> None:
    fragment_themes()  # fails early on a fragment with two themes
    STUDY.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str] = {}
    for interview in INTERVIEWS:
        path = STUDY / f"{interview['id']}.{interview['format']}"
        path.write_text(render(interview), encoding="utf-8")
        truth[interview["id"]] = interview["persona"]
    with open(STUDY / "survey.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SURVEY_COLUMNS)
        for row in SURVEY:
            metadata = [row[column] for column in ("submitted_at", *SURVEY_METADATA)]
            writer.writerow([row["id"], *metadata, *row["answers"]])
            truth[row["id"]] = row["persona"]
    (HERE / "truth_telco.json").write_text(
        json.dumps(dict(sorted(truth.items())), indent=2) + "\n", encoding="utf-8"
    )
    (HERE / "existing_personas_telco.json").write_text(
        json.dumps(EXISTING_PERSONAS, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (HERE / "enrich_truth_telco.json").write_text(
        json.dumps(ENRICH_TRUTH, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
