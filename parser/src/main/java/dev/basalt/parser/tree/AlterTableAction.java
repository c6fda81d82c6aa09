package dev.basalt.parser.tree;

/** What an ALTER TABLE does. */
public sealed interface AlterTableAction extends Node
        permits AddColumn,
                DropColumn,
                RenameColumn,
                RenameTable
{
}
