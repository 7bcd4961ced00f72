package jp.tachiiri.pdf;

/** One piece of a document, laid out top to bottom on A4 portrait pages by {@link PdfDocumentWriter}. */
public sealed interface Block permits Heading, Paragraph, Table, Spacer, SignatureLines, KeepTogether {
}
