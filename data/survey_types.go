package data

import (
	"fmt"
	"strings"
)

// QuestionTypes are the types a user may choose for a question before importing, with their Chinese names.
var QuestionTypes = []QuestionType{QSingle, QMulti, QRanking, QMatrix, QRating, QFill, QOpenText}

// QuestionTypeNames are the Chinese names of the question types (题型).
var QuestionTypeNames = map[QuestionType]string{
	QSingle: "单选题", QMulti: "多选题", QRanking: "排序题", QMatrix: "矩阵题", QRating: "评分题", QFill: "填空题",
	QOpenText: "开放题", QMeta: "系统信息",
}

// ParseQuestionType reads a type as the command line gives it: its code (single, text…) or its Chinese
// name (单选题, 单选, 开放题…).
func ParseQuestionType(s string) (QuestionType, error) {
	s = strings.TrimSpace(s)
	for _, t := range QuestionTypes {
		name := QuestionTypeNames[t]
		if strings.EqualFold(s, string(t)) || s == name || s == strings.TrimSuffix(name, "题") {
			return t, nil
		}
	}
	if strings.EqualFold(s, "open") || s == "文本" || s == "开放" {
		return QOpenText, nil
	}
	var codes []string
	for _, t := range QuestionTypes {
		codes = append(codes, fmt.Sprintf("%s（%s）", t, QuestionTypeNames[t]))
	}
	return "", InputErrorf("未知的题型 %q，可选：%s", s, strings.Join(codes, "、"))
}
