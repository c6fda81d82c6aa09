/*
 * Basalt SQL grammar (ANTLR 4). Keywords are case-insensitive; words listed in `nonReserved` may also be used as
 * identifiers. AstBuilder turns the parse tree into dev.basalt.parser.tree records. See parser/README.md.
 */
grammar BasaltSql;

options { caseInsensitive = true; }

singleStatement
    : statement SEMICOLON* EOF
    ;

statementList
    : SEMICOLON* (statement (SEMICOLON+ statement)*)? SEMICOLON* EOF
    ;

standaloneExpression
    : expression SEMICOLON? EOF
    ;

statement
    : query                                                                          #statementDefault
    | EXPLAIN ANALYZE? statement                                                     #explain
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName
        '(' tableElement (',' tableElement)* ')'                                     #createTable
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName columnAliases? AS query            #createTableAsSelect
    | DROP TABLE (IF EXISTS)? qualifiedName                                          #dropTable
    | CREATE (OR REPLACE)? (TEMP | TEMPORARY)? VIEW (IF NOT EXISTS)? qualifiedName
        columnAliases? AS query                                                      #createView
    | DROP VIEW (IF EXISTS)? qualifiedName                                           #dropView
    | CREATE UNIQUE? INDEX (IF NOT EXISTS)? name=qualifiedName ON table=qualifiedName
        '(' indexColumn (',' indexColumn)* ')' (WHERE booleanExpression)?            #createIndex
    | DROP INDEX (IF EXISTS)? qualifiedName                                          #dropIndex
    | CREATE (TEMP | TEMPORARY)? TRIGGER (IF NOT EXISTS)? name=qualifiedName
        triggerTiming? triggerEvent ON table=qualifiedName (FOR EACH ROW)?
        (WHEN booleanExpression)? BEGIN triggerBody END                             #createTrigger
    | DROP TRIGGER (IF EXISTS)? qualifiedName                                        #dropTrigger
    | (INSERT (OR conflict=(REPLACE | IGNORE | ABORT | FAIL | ROLLBACK))? | REPLACE)
        INTO qualifiedName columnAliases? (query | DEFAULT VALUES)                   #insertInto
    | UPDATE qualifiedName (AS? identifier)? SET assignment (',' assignment)*
        (WHERE booleanExpression)?                                                   #update
    | DELETE FROM qualifiedName (AS? identifier)? (WHERE booleanExpression)?        #delete
    | ALTER TABLE (IF EXISTS)? qualifiedName alterTableAction                        #alterTable
    | COPY qualifiedName columnAliases? FROM path=string copyOptions?               #copyFrom
    | COPY (qualifiedName columnAliases? | '(' query ')') TO path=string copyOptions? #copyTo
    | CALL qualifiedName '(' (callArgument (',' callArgument)*)? ')'                 #call
    | SET (SESSION | LOCAL)? qualifiedName (EQ | TO) (DEFAULT | ON | setValue=expression) #setVariable
    | RESET (ALL | qualifiedName)                                                    #resetVariable
    | (BEGIN (TRANSACTION | WORK)? | START TRANSACTION)                              #begin
    | (COMMIT | END) (TRANSACTION | WORK)?                                           #commit
    | (ROLLBACK | ABORT) (TRANSACTION | WORK)?                                       #rollback
    | CHECKPOINT                                                                     #checkpoint
    | VACUUM qualifiedName?                                                          #vacuum
    | REINDEX qualifiedName                                                          #reindex
    | ANALYZE qualifiedName?                                                         #analyze
    | SHOW ALL? TABLES                                                               #showTables
    | (DESCRIBE | SHOW COLUMNS FROM) qualifiedName                                   #describe
    ;

triggerTiming
    : BEFORE
    | AFTER
    | INSTEAD OF
    ;

triggerEvent
    : INSERT
    | DELETE
    | UPDATE (OF identifier (',' identifier)*)?
    ;

// Any statement parses here; AstBuilder accepts only INSERT, UPDATE, DELETE and queries.
triggerBody
    : (statement SEMICOLON+)+
    ;

tableElement
    : columnDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier type columnConstraint*
    ;

columnConstraint
    : NOT NULL                                                       #notNullConstraint
    | NULL                                                           #nullConstraint
    | (CONSTRAINT identifier)? PRIMARY KEY (ASC | DESC)?             #primaryKeyConstraint
    | (CONSTRAINT identifier)? UNIQUE                                #uniqueConstraint
    | DEFAULT valueExpression                                        #defaultConstraint
    | COLLATE identifier                                             #collateConstraint
    ;

tableConstraint
    : (CONSTRAINT identifier)? (PRIMARY KEY | UNIQUE) columnAliases
    ;

indexColumn
    : identifier (COLLATE identifier)? (ASC | DESC)?
    ;

// DEFAULT: the column's default expression (or NULL)
assignment
    : identifier EQ (DEFAULT | expression)
    ;

alterTableAction
    : ADD COLUMN? (IF NOT EXISTS)? columnDefinition                  #addColumn
    | DROP COLUMN? (IF EXISTS)? identifier                           #dropColumn
    | RENAME COLUMN? from=identifier TO to=identifier                #renameColumn
    | RENAME TO qualifiedName                                        #renameTable
    ;

copyOptions
    : WITH? '(' copyOption (',' copyOption)* ')'
    | WITH? legacyCopyOption+
    ;

copyOption
    : copyOptionName copyOptionValue?
    ;

// PostgreSQL's unparenthesized form (DELIMITER '|' CSV HEADER): a bare word is always a new option.
legacyCopyOption
    : copyOptionName (string | signedNumber | booleanValue)?
    ;

copyOptionName
    : identifier
    | NULL
    ;

copyOptionValue
    : string
    | signedNumber
    | booleanValue
    | identifier
    | parameter
    ;

callArgument
    : identifier (ARROW | COLON_EQ) expression                       #namedArgument
    | expression                                                     #positionalArgument
    ;

// ---------------------------------------------------------------------------------------------------- queries

query
    : with? queryNoWith
    ;

with
    : WITH RECURSIVE? namedQuery (',' namedQuery)*
    ;

namedQuery
    : name=identifier columnAliases? AS (NOT? MATERIALIZED)? '(' query ')'
    ;

queryNoWith
    : queryTerm
      (ORDER BY sortItem (',' sortItem)*)?
      limitClause?
    ;

limitClause
    : LIMIT limit=limitValue (OFFSET offset=expression (ROW | ROWS)?)?
    | LIMIT offset=expression ',' limit=limitValue
    | OFFSET offset=expression (ROW | ROWS)? (LIMIT limit=limitValue | fetchFirst)?
    | fetchFirst
    ;

fetchFirst
    : FETCH (FIRST | NEXT) expression? (ROW | ROWS) ONLY
    ;

limitValue
    : ALL
    | expression
    ;

queryTerm
    : queryPrimary                                                               #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm           #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm    #setOperation
    ;

queryPrimary
    : querySpecification                                             #queryPrimaryDefault
    | VALUES valuesRow (',' valuesRow)*                              #inlineTable
    | '(' query ')'                                                  #subquery
    ;

valuesRow
    : '(' valuesItem (',' valuesItem)* ')'
    ;

// DEFAULT: the column's default, only where VALUES feeds an INSERT (the binder refuses it elsewhere)
valuesItem
    : DEFAULT
    | expression
    ;

querySpecification
    : SELECT (distinctOn | setQuantifier)? selectItem (',' selectItem)*
      (FROM relation (',' relation)*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupingElement (',' groupingElement)*)?
      (HAVING having=booleanExpression)?
      (WINDOW windowDefinition (',' windowDefinition)*)?
      (QUALIFY qualify=booleanExpression)?
    ;

// PostgreSQL: the first row (in ORDER BY order) of each group of equal expressions
distinctOn
    : DISTINCT ON '(' expression (',' expression)* ')'
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : ASTERISK                                                       #selectAll
    | qualifiedName '.' ASTERISK                                     #selectQualifiedAll
    | expression (AS? identifier)?                                   #selectSingle
    ;

groupingElement
    : ROLLUP '(' (expression (',' expression)*)? ')'                 #rollup
    | CUBE '(' (expression (',' expression)*)? ')'                   #cube
    | GROUPING SETS '(' groupingSet (',' groupingSet)* ')'           #groupingSets
    | expression                                                     #singleGroupingSet
    ;

groupingSet
    : '(' (expression (',' expression)*)? ')'
    | expression
    ;

windowDefinition
    : name=identifier AS '(' windowSpecification ')'
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

// ---------------------------------------------------------------------------------------------------- relations

relation
    : left=relation CROSS JOIN right=aliasedRelation                 #crossJoin
    | left=relation joinType JOIN right=aliasedRelation joinCriteria? #qualifiedJoin
    | left=relation NATURAL joinType JOIN right=aliasedRelation      #naturalJoin
    | aliasedRelation                                                #relationDefault
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON booleanExpression
    | USING '(' identifier (',' identifier)* ')'
    ;

aliasedRelation
    : relationPrimary (AS? identifier columnAliases?)?
    ;

columnAliases
    : '(' identifier (',' identifier)* ')'
    ;

relationPrimary
    : qualifiedName '(' (expression (',' expression)*)? ')'          #tableFunction
    | qualifiedName (INDEXED BY identifier | NOT INDEXED)?           #tableName
    | '(' query ')'                                                  #subqueryRelation
    | '(' relation ')'                                               #parenthesizedRelation
    ;

// ---------------------------------------------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression predicate?                                     #predicated
    | NOT booleanExpression                                          #logicalNot
    | left=booleanExpression AND right=booleanExpression             #and
    | left=booleanExpression OR right=booleanExpression              #or
    ;

// The left operand is the valueExpression of the enclosing #predicated alternative.
predicate
    : comparisonOperator right=valueExpression                                   #comparison
    | comparisonOperator comparisonQuantifier '(' query ')'                      #quantifiedComparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression               #between
    | NOT? IN '(' (expression (',' expression)*)? ')'                            #inList
    | NOT? IN '(' query ')'                                                      #inSubquery
    | NOT? IN qualifiedName                                                      #inTable
    | NOT? op=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escape=valueExpression)? #like
    | IS NOT? NULL                                                               #nullPredicate
    | (ISNULL | NOTNULL | NOT NULL)                                              #sqliteNullPredicate
    | IS NOT? DISTINCT FROM right=valueExpression                                #distinctFrom
    | IS NOT? booleanValue                                                       #truthPredicate
    ;

valueExpression
    : primaryExpression                                                          #valueExpressionDefault
    | operator=(MINUS | PLUS) valueExpression                                    #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | DOUBLE_SLASH) right=valueExpression #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression         #arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                          #concatenation
    ;

primaryExpression
    : NULL                                                                       #nullLiteral
    | interval                                                                   #intervalLiteral
    | number                                                                     #numericLiteral
    | booleanValue                                                               #booleanLiteral
    | string                                                                     #stringLiteral
    | BINARY_STRING                                                              #binaryLiteral
    | DATE string                                                                #dateLiteral
    | TIMESTAMP (WITHOUT TIME ZONE)? string                                      #timestampLiteral
    | identifier string                                                          #typeConstructor
    | parameter                                                                  #parameterExpression
    | name=(CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP) #specialDateTimeFunction
    | POSITION '(' needle=valueExpression IN haystack=valueExpression ')'        #position
    | SUBSTRING '(' valueExpression FROM start=valueExpression (FOR length=valueExpression)? ')' #substring
    | TRIM '(' trimSpecification? chars=valueExpression? FROM value=valueExpression ')' #trim
    | TRIM '(' trimSpecification FROM? value=valueExpression ')'                 #trimSpecificationOnly
    | EXTRACT '(' (identifier | string) FROM valueExpression ')'                 #extract
    | (CAST | TRY_CAST) '(' expression AS type ')'                               #cast
    | primaryExpression DOUBLE_COLON type                                        #doubleColonCast
    | functionName '(' ASTERISK ')' filter? over?                                #functionCall
    | functionName '(' (setQuantifier? expression (',' expression)*)?
        (ORDER BY sortItem (',' sortItem)*)? ')' withinGroup? filter? nullTreatment? over?    #functionCall
    | EXISTS '(' query ')'                                                       #exists
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END #simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END                    #searchedCase
    | '(' query ')'                                                              #subqueryExpression
    | '(' expression ')'                                                         #parenthesizedExpression
    | qualifiedName                                                              #columnReference
    ;

functionName
    : qualifiedName
    | LEFT
    | RIGHT
    ;

filter
    : FILTER '(' WHERE booleanExpression ')'
    ;

withinGroup
    : WITHIN GROUP '(' ORDER BY sortItem (',' sortItem)* ')'
    ;

nullTreatment
    : IGNORE NULLS
    | RESPECT NULLS
    ;

over
    : OVER (windowName=identifier | '(' windowSpecification ')')
    ;

windowSpecification
    : existingWindowName=identifier?
      (PARTITION BY partition+=expression (',' partition+=expression)*)?
      (ORDER BY sortItem (',' sortItem)*)?
      windowFrame?
    ;

windowFrame
    : frameType=(RANGE | ROWS | GROUPS) start=frameBound
    | frameType=(RANGE | ROWS | GROUPS) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=PRECEDING                                  #unboundedFrame
    | UNBOUNDED boundType=FOLLOWING                                  #unboundedFrame
    | CURRENT ROW                                                    #currentRowBound
    | expression boundType=(PRECEDING | FOLLOWING)                   #boundedFrame
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

trimSpecification
    : BOTH
    | LEADING
    | TRAILING
    ;

interval
    : INTERVAL sign=(PLUS | MINUS)? (string | number)
      (from=intervalField intervalPrecision? (TO to=intervalField intervalPrecision?)?)?
    ;

intervalPrecision
    : '(' INTEGER_VALUE ')'
    ;

intervalField
    : YEAR | YEARS | QUARTER | QUARTERS | MONTH | MONTHS | WEEK | WEEKS | DAY | DAYS | HOUR | HOURS
    | MINUTE | MINUTES | SECOND | SECONDS | MILLISECOND | MILLISECONDS | MICROSECOND | MICROSECONDS
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

comparisonQuantifier
    : ALL | SOME | ANY
    ;

booleanValue
    : TRUE | FALSE
    ;

type
    : DOUBLE PRECISION                                               #doublePrecisionType
    | (CHARACTER | CHAR) VARYING typeParameters?                     #varyingCharacterType
    | TIMESTAMP (WITHOUT TIME ZONE)?                                 #timestampType
    | TIMESTAMP WITH TIME ZONE                                       #timestampWithTimeZoneType
    | identifier typeParameters?                                     #simpleType
    ;

typeParameters
    : '(' INTEGER_VALUE (',' INTEGER_VALUE)* ')'
    ;

parameter
    : QUESTION_MARK                                                  #positionalParameter
    | NUMBERED_PARAMETER                                             #numberedParameter
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : IDENTIFIER                                                     #unquotedIdentifier
    | QUOTED_IDENTIFIER                                              #quotedIdentifier
    | BACKQUOTED_IDENTIFIER                                          #backQuotedIdentifier
    | nonReserved                                                    #unquotedIdentifier
    ;

string
    : STRING                                                         #basicStringLiteral
    | ESCAPED_STRING                                                 #escapedStringLiteral
    ;

signedNumber
    : MINUS? number
    ;

number
    : DECIMAL_VALUE                                                  #decimalLiteral
    | DOUBLE_VALUE                                                   #doubleLiteral
    | INTEGER_VALUE                                                  #integerLiteral
    ;

// Keywords that may be used as identifiers (column names like date, year, name, key, value, type, first, ...).
nonReserved
    : ABORT | ADD | AFTER | ALTER | ANALYZE | BEFORE | BEGIN | CALL | CHAR | CHARACTER | CHECKPOINT | COLUMN
    | COLUMNS | COMMIT | COPY | CUBE | CURRENT | DATE | DAY | DAYS | DELETE | DESCRIBE
    | DOUBLE | DROP | EACH | ESCAPE | EXPLAIN | EXTRACT | FAIL | FILTER | FIRST | FOLLOWING | GROUPING
    | GROUPS | HOUR | HOURS | IF | IGNORE | INDEX | INDEXED | INSERT | INSTEAD | INTERVAL | KEY
    | LAST | LOCAL | MATERIALIZED | MICROSECOND | MICROSECONDS | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | MONTH
    | MONTHS | NEXT | NULLS | OF | ONLY | OVER | PARTITION | POSITION | PRECEDING | PRECISION | QUARTER
    | QUARTERS | RANGE | RECURSIVE | REINDEX | RENAME | REPLACE | RESET | RESPECT | ROLLBACK | ROLLUP | ROW
    | ROWS | SECOND | SECONDS | SESSION | SET | SETS | SHOW | START | SUBSTRING | TABLES
    | TEMP | TEMPORARY | TIME | TIMESTAMP | TRANSACTION | TRIGGER | TRIM | TRY_CAST | UNBOUNDED | UPDATE | VACUUM
    | VARYING | VIEW | WEEK | WEEKS | WITHIN | WITHOUT | WORK | YEAR | YEARS | ZONE
    ;

// ---------------------------------------------------------------------------------------------------- lexer

ABORT: 'ABORT';
ADD: 'ADD';
AFTER: 'AFTER';
ALL: 'ALL';
ALTER: 'ALTER';
ANALYZE: 'ANALYZE';
AND: 'AND';
ANY: 'ANY';
AS: 'AS';
ASC: 'ASC';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CALL: 'CALL';
CASE: 'CASE';
CAST: 'CAST';
CHAR: 'CHAR';
CHARACTER: 'CHARACTER';
CHECK: 'CHECK';
CHECKPOINT: 'CHECKPOINT';
COLLATE: 'COLLATE';
COLUMN: 'COLUMN';
COLUMNS: 'COLUMNS';
COMMIT: 'COMMIT';
CONSTRAINT: 'CONSTRAINT';
COPY: 'COPY';
CREATE: 'CREATE';
CROSS: 'CROSS';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DATE: 'DATE';
DAY: 'DAY';
DAYS: 'DAYS';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
EACH: 'EACH';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FAIL: 'FAIL';
FALSE: 'FALSE';
FETCH: 'FETCH';
FILTER: 'FILTER';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FOREIGN: 'FOREIGN';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
GROUPS: 'GROUPS';
HAVING: 'HAVING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
IGNORE: 'IGNORE';
ILIKE: 'ILIKE';
IN: 'IN';
INDEX: 'INDEX';
INDEXED: 'INDEXED';
INNER: 'INNER';
INSTEAD: 'INSTEAD';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
ISNULL: 'ISNULL';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOCAL: 'LOCAL';
LOCALTIME: 'LOCALTIME';
LOCALTIMESTAMP: 'LOCALTIMESTAMP';
MATERIALIZED: 'MATERIALIZED';
MICROSECOND: 'MICROSECOND';
MICROSECONDS: 'MICROSECONDS';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
MONTH: 'MONTH';
MONTHS: 'MONTHS';
NATURAL: 'NATURAL';
NEXT: 'NEXT';
NOT: 'NOT';
NOTNULL: 'NOTNULL';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
ONLY: 'ONLY';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
PARTITION: 'PARTITION';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
QUALIFY: 'QUALIFY';
QUARTER: 'QUARTER';
QUARTERS: 'QUARTERS';
RANGE: 'RANGE';
RECURSIVE: 'RECURSIVE';
REFERENCES: 'REFERENCES';
REINDEX: 'REINDEX';
RENAME: 'RENAME';
REPLACE: 'REPLACE';
RESET: 'RESET';
RESPECT: 'RESPECT';
RIGHT: 'RIGHT';
ROLLBACK: 'ROLLBACK';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SESSION: 'SESSION';
SET: 'SET';
SETS: 'SETS';
SHOW: 'SHOW';
SOME: 'SOME';
START: 'START';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRAILING: 'TRAILING';
TRANSACTION: 'TRANSACTION';
TRIGGER: 'TRIGGER';
TRIM: 'TRIM';
TRUE: 'TRUE';
TRY_CAST: 'TRY_CAST';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
USING: 'USING';
VACUUM: 'VACUUM';
VALUES: 'VALUES';
VARYING: 'VARYING';
VIEW: 'VIEW';
WEEK: 'WEEK';
WEEKS: 'WEEKS';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHIN: 'WITHIN';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
YEAR: 'YEAR';
YEARS: 'YEARS';
ZONE: 'ZONE';

EQ: '=' | '==';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
DOUBLE_SLASH: '//';
PERCENT: '%';
CONCAT: '||';
DOUBLE_COLON: '::';
ARROW: '=>';
COLON_EQ: ':=';
QUESTION_MARK: '?';
SEMICOLON: ';';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

// PostgreSQL escape string E'...': backslash escapes are resolved by AstBuilder.
ESCAPED_STRING
    : 'E\'' ( ~('\'' | '\\') | '\\' . | '\'\'' )* '\''
    ;

// Hex byte string X'4142' (a BLOB); the digits are checked by AstBuilder so a bad one is 22P02, not a syntax error.
BINARY_STRING
    : 'X\'' ~'\''* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

DOUBLE_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

NUMBERED_PARAMETER
    : '$' DIGIT+
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_' | '$')*
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [a-z] | [\p{L}]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t\f]+ -> channel(HIDDEN)
    ;

// Unterminated quoted text: a complete literal is always one character longer, so these only win when the
// closing quote (or */) is missing; AstBuilder's error listener turns them into a clear message.
UNTERMINATED_STRING
    : ('E' | 'X')? '\'' ( ~'\'' | '\'\'' )*
    ;

UNTERMINATED_QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )*
    ;

UNTERMINATED_COMMENT
    : '/*' ( ~'*' | '*'+ ~[*/] )* '*'*
    ;

// Anything else is reported by AstBuilder's error listener as a syntax error at that character.
UNRECOGNIZED
    : .
    ;
