<?php
declare(strict_types=1);

final class OrderRepository
{
    const TABLE = 'orders';

    public function __construct(private PDO $pdo) {}

    public function pending(): array
    {
        $stmt = $this->pdo->query("SELECT id, status FROM orders WHERE status = 'new'");
        return $stmt->fetchAll();
    }

    public function shipped(int $id): ?array
    {
        $sql = <<<SQL
            SELECT id, shipped_at
              FROM orders
             WHERE id = :id
            SQL;
        $stmt = $this->pdo->prepare($sql);
        $stmt->execute(['id' => $id]);
        return $stmt->fetch() ?: null;
    }

    public function byStatus(string $status): array
    {
        $stmt = $this->pdo->prepare("SELECT id FROM " . self::TABLE . " WHERE status = ?");
        $stmt->execute([$status]);
        return $stmt->fetchAll();
    }

    public function find(int $id): array
    {
        return $this->pdo->query("SELECT id, status FROM orders WHERE id = " . $id)->fetch();
    }
}
