package jp.tachiiri.testsupport;

/**
 * Words for synthetic national data (benchmarks and the 40,000-inspection store): prefectures, places and
 * kinds of hospital, vendors, people, and the notes and reasons inspectors write. Fiction, in plausible
 * Japanese, so that text columns have realistic lengths and characters.
 */
public final class SyntheticJapanese {

    public static final String[] PREFECTURES = {
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
        "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
        "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"
    };
    public static final String[][] PLACES = {
        {"桜川", "サクラガワ"}, {"青葉台", "アオバダイ"}, {"緑ヶ丘", "ミドリガオカ"}, {"中央", "チュウオウ"}, {"東山", "ヒガシヤマ"},
        {"西町", "ニシマチ"}, {"南台", "ミナミダイ"}, {"北野", "キタノ"}, {"港", "ミナト"}, {"山手", "ヤマテ"}, {"清水", "シミズ"},
        {"若葉", "ワカバ"}, {"旭", "アサヒ"}, {"朝日", "アサヒ"}, {"日の出", "ヒノデ"}, {"松原", "マツバラ"}, {"梅ヶ枝", "ウメガエ"},
        {"白鳥", "シラトリ"}, {"本郷", "ホンゴウ"}, {"新田", "ニッタ"}, {"大川", "オオカワ"}, {"小林", "コバヤシ"},
        {"高砂", "タカサゴ"}, {"柏木", "カシワギ"}, {"恵愛", "ケイアイ"}, {"仁和", "ニンナ"}, {"聖母", "セイボ"}, {"共済", "キョウサイ"}
    };
    public static final String[][] KINDS = {
        {"病院", "ビョウイン"}, {"総合病院", "ソウゴウビョウイン"}, {"記念病院", "キネンビョウイン"}, {"中央病院", "チュウオウビョウイン"},
        {"医療センター", "イリョウセンター"}, {"リハビリテーション病院", "リハビリテーションビョウイン"}, {"市民病院", "シミンビョウイン"},
        {"循環器病院", "ジュンカンキビョウイン"}, {"こども病院", "コドモビョウイン"}
    };
    public static final String[] TOWNS = {"本町", "栄町", "緑町", "幸町", "旭町", "末広町", "昭和町", "大手町", "錦町", "寿町"};
    public static final String[][] VENDORS = {
        {"富士通Japan", "HOPE LifeMark-HX"}, {"NEC", "MegaOak-HR"}, {"ソフトウェア・サービス", "e-カルテ"},
        {"PHC", "Medicom-HRf"}, {"キヤノンメディカルシステムズ", "Abies"}, {"地元SIer", "院内ネットワーク保守"},
        {"日本事務器", "MI・RA・Is"}, {"ワイズマン", "ERシリーズ"}
    };
    public static final String[] SURNAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
        "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"};
    public static final String[] GIVEN = {"太郎", "花子", "健一", "美咲", "大輔", "由美", "翔", "陽子", "誠", "恵"};
    public static final String[] ROLES = {"事務長", "医療情報管理室長", "システム担当", "看護部長", "院長", "情報システム課主任"};
    public static final String[] COMPLIANT_NOTES = {
        "台帳は年1回更新されており、最終更新日を確認した。",
        "規程の写しを受領。改訂履歴も整っている。",
        "担当者から運用状況を聴取し、記録の一部を閲覧した。",
        "保守事業者の報告書（直近3か月分）で確認。",
        "院内掲示と職員向け資料を確認した。",
        "管理画面で設定を目視確認した。",
        "前回指摘事項は改善済み。"
    };
    public static final String[] NON_COMPLIANT_NOTES = {
        "台帳が作成されておらず、機器の所在を把握できていない。",
        "共有アカウントが複数の職員で使われている。退職者のアカウントも残存。",
        "VPN装置のファームウェアが2年以上更新されていない。",
        "バックアップは取得しているが、ネットワークから切り離した保管がない。",
        "インシデント発生時の連絡体制図が作成されていない。",
        "パスワードの桁数・変更ルールが定められていない。",
        "USBメモリの持込み・持出しのルールがなく、利用状況も把握されていない。"
    };
    public static final String[] ALTERNATIVE_REASONS = {
        "システム更新予定（来年度）までの間、保守事業者による月次点検で代替している。",
        "専任者は置いていないが、外部委託先の担当者が週1回来院して対応している。",
        "紙運用との併用により、停止時の業務継続手順で代替している。"
    };
    public static final String[] NOT_APPLICABLE_REASONS = {
        "電子カルテを導入していないため対象外。",
        "外部からのリモート保守を受けていないため対象外。",
        "該当する機器を保有していないため対象外。"
    };
    public static final String[] CONFIRMATION = {"DOCUMENT", "INTERVIEW", "OBSERVATION", "VENDOR_STATEMENT"};

    /** The prefectures' weights (hospitals per prefecture, roughly), in the order of {@link #PREFECTURES}. */
    public static final int[] WEIGHTS = {
        537, 91, 90, 134, 64, 66, 122, 171, 104, 125, 342, 288, 635, 336, 121, 104, 90, 66, 60, 125, 97, 169, 318, 92,
        57, 162, 505, 345, 75, 82, 43, 47, 158, 233, 140, 105, 87, 134, 120, 455, 95, 146, 204, 152, 132, 232, 89
    };

    /** Splits {@code total} over the prefectures by weight (largest remainder), so the parts add up exactly. */
    public static int[] apportion(int total) {
        long sum = 0;
        for (int weight : WEIGHTS) {
            sum += weight;
        }
        int[] parts = new int[WEIGHTS.length];
        double[] remainders = new double[WEIGHTS.length];
        int given = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            double exact = (double) total * WEIGHTS[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
            given++;
        }
        return parts;
    }

    private SyntheticJapanese() {
    }
}
