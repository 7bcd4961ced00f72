package jp.tachiiri.model;

/** An answer on the ministry's forms that the hospital and its vendors fill in themselves: はい or いいえ. */
public enum SelfCheckAnswer {
    YES,
    NO
}
